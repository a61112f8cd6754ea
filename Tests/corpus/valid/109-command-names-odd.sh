#!/bin/bash
\ls
"ls" -l
'echo' hi
/bin/echo hi
./script.sh
command -v ls
builtin echo x
exec true
[ -f x ]
test -f x
