#!/bin/bash
if cd /tmp; ls | grep -q x; then echo has x; fi
if ! [ -e f ] && [ -w . ]; then touch f; fi
if { echo grouped; true; }; then echo ok; fi
if (exit 0); then echo subshell ok; fi
if if true; then false; fi; then echo nested; else echo nope; fi
if [[ -n $x ]]
then
  echo set
fi
