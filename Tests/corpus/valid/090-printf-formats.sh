#!/bin/sh
printf '%s\n' "hello"
printf "%-10s|%5d|%x\n" name 42 255
printf '%b' 'esc\tapes\n'
printf '%%literal\n'
printf '%s=%q\n' key "va lue"
printf -- '--dash\n'
