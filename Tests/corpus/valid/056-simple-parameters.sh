#!/bin/bash
echo $name ${name} $HOME ${HOME}
echo $1 $2 $9 ${10} ${11}
echo $_var ${_var}
echo $a$b${c}d
echo "${name}_suffix" "$name.ext"
echo $PATH:$MANPATH
