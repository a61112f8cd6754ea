#!/bin/bash
[[ -f /etc/passwd ]] && echo file
[[ -d /tmp && -w /tmp ]] && echo writable dir
[[ -z "$empty" ]]
[[ -n $HOME ]]
[[ -e x || -L x ]]
[[ -r a && -x b && -s c ]]
[[ -v VARNAME ]]
[[ -o errexit ]]
[[ -t 0 ]]
[[ -a file ]]
[[ -b /dev/sda || -c /dev/null || -p pipe || -S sock ]]
[[ -g f || -u f || -k f || -O f || -G f || -N f || -h f ]]
