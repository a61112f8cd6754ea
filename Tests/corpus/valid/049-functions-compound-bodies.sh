#!/bin/bash
isnum() [[ $1 =~ ^[0-9]+$ ]]
inc() (( counter++ ))
loop() for i in 1 2 3; do echo $i; done
pick() case $1 in a) echo A;; *) echo other;; esac
check() if true; then echo t; fi
wloop() while false; do :; done
function kw_if if true; then echo x; fi
