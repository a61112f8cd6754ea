#!/bin/bash
# extglob patterns on the right of == / != inside [[ ]] parse without shopt
[[ $file == *.@(jpg|png|gif) ]] && echo image
[[ $n == +([0-9]) ]] && echo number
[[ $s != !(*foo*) ]]
[[ $s == ?(-)+([0-9])?(.+([0-9])) ]] && echo float
[[ $s = *(a)b ]]
