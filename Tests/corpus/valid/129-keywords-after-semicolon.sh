#!/bin/bash
true; if true; then :; fi; while false; do :; done; for i in 1; do :; done
true && if true; then :; fi
false || while false; do :; done
true | case x in x) :;; esac
! if false; then :; fi
time if true; then :; fi
