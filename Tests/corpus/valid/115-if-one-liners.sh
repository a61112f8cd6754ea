#!/bin/bash
if [ -f a ]; then echo a; elif [ -f b ]; then echo b; else echo c; fi
[ -f a ] && echo a || echo not a
if true; then if false; then :; else echo inner; fi; fi
if test "$x" = y; then :; fi
if ! true; then :; fi
