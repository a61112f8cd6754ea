# Variables: export, readonly, unset, local, prefix assignments, special parameters.

### case: export -p lists exported variables in reusable form (bash)
### oracle: bash
export WEIRV='a b'
export -p | grep WEIRV
### stdout:
declare -x WEIRV="a b"
### status: 0
### end

### case: export -p lists exported variables in reusable form (dash)
### weir-differs: bash's `declare -x` form
### oracle: dash
export WEIRV='a b'
export -p | grep WEIRV
### stdout:
export WEIRV='a b'
### status: 0
### end

### case: export with several names and values
### oracle: both
export A=1 B=2 C
C=3
sh -c 'echo $A $B $C'
### stdout:
1 2 3
### status: 0
### end

### case: readonly variable cannot be assigned
### oracle: both
readonly R=fixed
(R=changed) 2>/dev/null || echo "assignment failed"
echo $R
### stdout:
assignment failed
fixed
### status: 0
### end

### case: assigning a readonly variable prints a message and fails
### oracle: both
readonly R=1
(R=2) 2>&1 | grep -c R
(R=2; echo "not reached") 2>/dev/null || echo "failed"
### stdout:
1
failed
### status: 0
### end

### case: assigning a readonly variable exits a non-interactive shell (dash)
### weir-differs: the status: weir exits 1 as bash does, dash 2
### oracle: dash
readonly R=1
R=2
echo not reached
### stdout:
### status: 2
### end

### case: assigning a readonly variable fails but bash continues (bash)
### weir-differs: POSIX: an assignment error ends a non-interactive shell (dash); bash abandons only the line
### oracle: bash
readonly R=1
R=2
echo "status $?"
### stdout:
status 1
### status: 0
### end

### case: readonly -p lists readonly variables (bash)
### oracle: bash
readonly WEIRRO=val
readonly -p | grep WEIRRO
### stdout:
declare -r WEIRRO="val"
### status: 0
### end

### case: readonly -p lists readonly variables (dash)
### weir-differs: bash's `declare -r` form
### oracle: dash
readonly WEIRRO=val
readonly -p | grep WEIRRO
### stdout:
readonly WEIRRO='val'
### status: 0
### end

### case: unset of a readonly variable fails
### oracle: both
readonly R=1
(unset R) 2>/dev/null || echo "unset failed"
echo $R
### stdout:
unset failed
1
### status: 0
### end

### case: unset -v and unset -f
### oracle: both
v=1
f() { echo func; }
unset -v v
echo "${v-unset}"
f
unset -f f
f 2>/dev/null || echo "no function"
### stdout:
unset
func
no function
### status: 0
### end

### case: unset without option prefers the variable
### oracle: both
x=var
x() { echo func; }
unset x
echo "${x-unset}"
x
### stdout:
unset
func
### status: 0
### end

### case: unset of a variable that is not set succeeds
### oracle: both
unset never_set_var
echo $?
### stdout:
0
### status: 0
### end

### case: local variables have dynamic scope
### oracle: both
x=global
inner() { echo "inner sees $x"; }
outer() { local x=local; inner; }
outer
echo "after $x"
### stdout:
inner sees local
after global
### status: 0
### end

### case: local without a value
### oracle: both
x=global
f() { local x; x=changed; echo "in f: $x"; }
f
echo "out: $x"
### stdout:
in f: changed
out: global
### status: 0
### end

### case: assignment in a function without local is global
### oracle: both
f() { y=from-f; }
f
echo $y
### stdout:
from-f
### status: 0
### end

### case: local in nested calls shadows each level
### oracle: both
v=0
a() { local v=1; b; echo "a: $v"; }
b() { local v=2; c; echo "b: $v"; }
c() { v=3; echo "c: $v"; }
a
echo "top: $v"
### stdout:
c: 3
b: 3
a: 1
top: 0
### status: 0
### end

### case: local outside a function is an error
### oracle: both
(local x=1) 2>/dev/null || echo "local failed"
### stdout:
local failed
### status: 0
### end

### case: prefix assignment lasts only for the command (external and function)
### oracle: both
x=orig
x=temp sh -c 'echo "child $x"'
echo "after $x"
### stdout:
child temp
after orig
### status: 0
### end

### case: prefix assignment before a special builtin persists (dash)
### oracle: dash
x=1 :
echo "x=$x"
y=2 eval 'echo in-eval $y'
echo "y=$y"
### stdout:
x=1
in-eval 2
y=2
### status: 0
### end

### case: prefix assignment before a special builtin does not persist (bash, non-posix)
### weir-differs: POSIX: assignments before special builtins persist
### oracle: bash
x=1 :
echo "x=${x-unset}"
### stdout:
x=unset
### status: 0
### end

### case: prefix assignment before a regular builtin does not persist
### oracle: both
x=1 true
echo "x=${x-unset}"
### stdout:
x=unset
### status: 0
### end

### case: prefix assignment to a function call
### oracle: both
f() { echo "f sees $v"; }
v=outer
v=inner f
echo "after: $v"
### stdout:
f sees inner
after: outer
### status: 0
### end

### case: assignments are done left to right
### oracle: both
a=1 b=$a c=$b
echo $a $b $c
### stdout:
1 1 1
### status: 0
### end

### case: $? is the status of the last command
### oracle: both
true; echo $?
false; echo $?
(exit 42); echo $?
echo $?
### stdout:
0
1
42
0
### status: 0
### end

### case: $$ is the same in a subshell
### oracle: both
p=$$
(echo $(( $$ == p )))
x=$(echo $$)
[ "$x" = "$p" ] && echo same-in-comsub
### stdout:
1
same-in-comsub
### status: 0
### end

### case: $$ differs from a child's pid
### oracle: both
c=$(sh -c 'echo $$')
[ "$c" != "$$" ] && echo different
### stdout:
different
### status: 0
### end

### case: PPID of a child is our $$
### oracle: both
sh -c 'echo $PPID' > ppid
[ "$(cat ppid)" = "$$" ] && echo child-ppid-is-us
[ -n "$PPID" ] && [ "$PPID" != "$$" ] && echo own-ppid-set
### stdout:
child-ppid-is-us
own-ppid-set
### status: 0
### end

### case: $! after a background job
### oracle: both
echo ${!:-none}
true &
[ -n "$!" ] && echo set
wait
### stdout:
none
set
### status: 0
### end

### case: $# $@ $* $1 and ${10}
### oracle: both
set -- a b c d e f g h i j k
echo $# $1 ${10} ${11}
echo $10
shift 9
echo "$*"
### stdout:
11 a j k
a0
j k
### status: 0
### end

### case: $0 in a function and in a sourced file is the shell's $0
### oracle: both
printf 'echo "$0"\n' > s
f() { echo "$0"; }
a=$(f); b=$(. ./s)
[ "$a" = "$0" ] && [ "$b" = "$0" ] && echo same
### stdout:
same
### status: 0
### end

### case: sh -c sets $0 and the positional parameters
### oracle: both
sh -c 'echo "$0 $1 $2 $#"' name x y
### stdout:
name x y 2
### status: 0
### end

# weir takes its command line from what glibc hands main, not the Swift runtime's
# search of the stack (issue 17): every byte and every argument, empty ones too.
### case: the shell's own command line keeps every byte and every argument
### oracle: bash
"$0" -c 'printf "%s|" "$0" "$#" "$@"' $'n\377' '' $'a\200b' 'c d' | od -An -c
printf 'echo "$0|$#|$1|$2"\n' > s.sh
"$0" s.sh '' "$(printf 'x%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20)"
### stdout:
   n 377   |   3   |   |   a 200   b   |   c       d   |
s.sh|2||xxxxxxxxxxxxxxxxxxxx
### status: 0
### end

### case: $- contains the set options
### oracle: both
set -u
case $- in *u*) echo has-u;; esac
set +u
case $- in *u*) echo still-u;; *) echo no-u;; esac
### stdout:
has-u
no-u
### status: 0
### end

### case: $_ is the last argument of the previous command (bash)
### oracle: bash
echo a b c > /dev/null
echo $_
true x
echo "$_"
### stdout:
c
x
### status: 0
### end

### case: LINENO counts lines (bash)
### oracle: bash
echo $LINENO
echo $LINENO
f() {
  echo $LINENO
}
f
### stdout:
1
2
4
### status: 0
### end

### case: PWD and OLDPWD after cd
### oracle: both
mkdir -p a/b
start=$PWD
cd a/b
[ "$PWD" = "$start/a/b" ] && echo pwd-ok
[ "$OLDPWD" = "$start" ] && echo oldpwd-ok
cd -  >/dev/null
[ "$PWD" = "$start" ] && echo back
### stdout:
pwd-ok
oldpwd-ok
back
### status: 0
### end

### case: IFS default value
### oracle: both
printf '%s' "$IFS" | od -c | head -n 1 | sed 's/  */ /g'
### stdout:
0000000 \t \n
### status: 0
### end

### case: OPTIND starts at 1
### oracle: both
echo $OPTIND
getopts a: opt -a val
echo "$opt $OPTARG $OPTIND"
### stdout:
1
a val 3
### status: 0
### end

### case: HOME is used by cd without arguments
### oracle: both
mkdir h
HOME=$PWD/h
cd
[ "$PWD" = "$HOME" ] && echo at-home
### stdout:
at-home
### status: 0
### end

### case: PATH is searched after a change in the same shell
### oracle: both
mkdir bin
printf '#!/bin/sh\necho mine\n' > bin/weir_only_cmd
chmod +x bin/weir_only_cmd
weir_only_cmd 2>/dev/null || echo "not found"
PATH=$PWD/bin:$PATH
weir_only_cmd
### stdout:
not found
mine
### status: 0
### end

### case: variable names with digits and underscores
### oracle: both
_a=1 a_1=2 A1B=3
echo $_a $a_1 $A1B
### stdout:
1 2 3
### status: 0
### end

### case: an invalid name is not an assignment
### oracle: both
1x=foo 2>/dev/null || echo "not an assignment"
### stdout:
not an assignment
### status: 0
### end

### case: assignment value is not split or globbed
### oracle: both
touch f1 f2
v=f*
w="a   b"
x=$w
echo "$v" "$x"
### stdout:
f* a   b
### status: 0
### end

### case: export of a local variable inside a function
### oracle: both
f() { local L=loc; export L; sh -c 'echo "child sees $L"'; }
f
echo "after ${L-unset}"
### stdout:
child sees loc
after unset
### status: 0
### end

### case: readonly inside a function is global
### oracle: both
f() { readonly RF=1; }
f
(RF=2) 2>/dev/null || echo "RF readonly"
### stdout:
RF readonly
### status: 0
### end

### case: unset of a local variable leaves it unset inside the function
### oracle: both
x=global
f() { local x=loc; unset x; echo "in f: ${x-unset}"; }
f
echo "after: $x"
### stdout:
in f: unset
after: global
### status: 0
### end

### case: export -n removes the export attribute (bash)
### oracle: bash
export E=1
export -n E
sh -c 'echo ${E-unset}'
echo $E
### stdout:
unset
1
### status: 0
### end

### case: declare and typeset (bash)
### oracle: bash
declare -i n=2+3
echo $n
declare -r ro=x
declare -p ro
typeset t=1; echo $t
### stdout:
5
declare -r ro="x"
1
### status: 0
### end

### case: $* and $@ inside a function are the function's arguments
### oracle: both
set -- outer1 outer2
f() { echo "$# $*"; }
f in1 in2 in3
echo "$# $*"
### stdout:
3 in1 in2 in3
2 outer1 outer2
### status: 0
### end

### case: shift in a function does not affect the caller
### oracle: both
set -- a b c
f() { shift; echo "$*"; }
f x y
echo "$*"
### stdout:
y
a b c
### status: 0
### end

### case: LINENO in an arithmetic for header is the for line
### oracle: bash
echo one
for (( i = 0; i < LINENO; i++ )); do
  echo $i
done
### stdout:
one
0
1
### status: 0
### end

### case: the local copy of an exported variable is exported
### oracle: both
X=outer; export X
f() { local X=inner; sh -c 'echo "child sees $X"'; }
f
sh -c 'echo "after: $X"'
### stdout:
child sees inner
after: outer
### status: 0
### end

### case: local may shadow a calling function's readonly local, not a readonly global
### oracle: bash
f() { local -ri p=$1; echo "f $p"; }
g() { local -ir p=5; f 7; echo "g $p"; }
g
readonly q=1
h() { local q=2; echo "h $q"; }
h 2>/dev/null; echo "status $?"
### stdout:
f 7
g 5
h 1
status 0
### status: 0
### end

### case: OSTYPE, HOSTTYPE and MACHTYPE name the system as bash does
### oracle: bash
case $OSTYPE in linux*) echo linux ;; *) echo "other: $OSTYPE" ;; esac
[ "$HOSTTYPE" = "$(uname -m)" ] && echo host
case $MACHTYPE in "$HOSTTYPE"-*-linux-gnu) echo mach ;; *) echo "mach: $MACHTYPE" ;; esac
### stdout:
linux
host
mach
### status: 0
### end

### case: the environment comes in byte for byte: invalid bytes, long names and values, =, functions
### oracle: bash
env -i "$(printf 'X=\377\376')" 'BASH_FUNC_f%%=() { echo "fn $1"; }' \
  'LONG_NAME_OF_MORE_THAN_FIFTEEN=aaaaaaaaaaaaaaaaaaaaaaaaaaaa=b' 'E=' \
  "$0" -c 'f hi; printf %s "$X" | od -An -tx1; echo "[$LONG_NAME_OF_MORE_THAN_FIFTEEN] [${E+set}]"; env | grep -c "^X="'
### stdout:
fn hi
 ff fe
[aaaaaaaaaaaaaaaaaaaaaaaaaaaa=b] [set]
1
### status: 0
### end

### case: an interactive shell sets HISTFILE, a script does not
### oracle: bash
"$0" -c 'echo "script: ${HISTFILE:+set}"'
"$0" -i -c 'echo "interactive: ${HISTFILE:+set}"' 2>/dev/null
HISTFILE=/dev/null "$0" -i -c 'echo "given: $HISTFILE"' 2>/dev/null
### stdout:
script: 
interactive: set
given: /dev/null
### status: 0
### end

### case: SHELL unset in the environment is the account's login shell, not exported (bash)
### oracle: bash
env -u SHELL "$0" -c 'test -n "$SHELL" && echo set; env | grep -c "^SHELL="'
SHELL=/x/y "$0" -c 'echo "$SHELL"'
### stdout:
set
0
/x/y
### status: 0
### end

### case: an assignment's subscript may hold operators and blanks (bash)
### oracle: bash
a[3|4]=8; a[1&2]=9; a[1<2]=5; a[ 1 | 2 ]=1; a[1||0]+=x
declare -p a
echo a[1|2]=3 2>/dev/null || echo "not an assignment"
### stdout:
declare -a a=([0]="9" [1]="5x" [3]="1" [7]="8")
not an assignment
### status: 0
### end

### case: local in a function a prefix assignment runs starts with that assignment's value (bash)
### oracle: bash
f1() { local v; echo "$1: ${v-(unset)}"; }
f2() { f1 "$1 via f2"; }
f3() { local v=own; f1 "$1 under a local"; }
v=global
f1 plain
v=tempenv f1 temp
v=tempenv f2 temp
(export v=exported; f1 exported)
v=tempenv f3 temp
f3 plain
k() { local -i n; echo "k: $n"; }; n=5 k
### stdout:
plain: (unset)
temp: tempenv
temp via f2: tempenv
exported: (unset)
temp under a local: own
plain under a local: (unset)
k: 5
### status: 0
### end

### case: a subscript with operators and a number past 64 bits wraps as bash's arithmetic does
### oracle: bash
a[99999999999999999999|1]=x
echo "${!a[@]}"
### stdout:
7766279631452241919
### status: 0
### end

### case: export -a and -A, readonly -a make arrays; export takes no other attribute (bash)
### oracle: bash
export -a list=(1 2)
declare -p list
export -A map=([k]=v)
declare -p map
readonly -a frozen=(a b)
declare -p frozen
sh -c 'echo "[$list]"'
(export -i n=1) 2>/dev/null || echo "export -i: status $?"
### stdout:
declare -ax list=([0]="1" [1]="2")
declare -Ax map=([k]="v" )
declare -ar frozen=([0]="a" [1]="b")
[]
export -i: status 2
### status: 0
### end

### case: an indexed array does not become associative nor the other way round; a declared array takes a plain assignment as element 0 (bash)
### oracle: bash
z=(a b)
declare -A z
echo "status $?"
declare -p z
declare -A q=([x]=1)
declare -a q
echo "status $?"
declare -p q
declare -A e
declare -p e
e[k]=v
declare -p e
declare -a t
t=y
declare -p t
declare -A s
s=x
declare -p s
f() { local -A z; z[in]=f; declare -p z; }
f
declare -p z
### stdout:
status 1
declare -a z=([0]="a" [1]="b")
status 1
declare -A q=([x]="1" )
declare -A e
declare -A e=([k]="v" )
declare -a t=([0]="y")
declare -A s=([0]="x" )
declare -A z=([in]="f" )
declare -a z=([0]="a" [1]="b")
### status: 0
### end

### case: each subshell has its own RANDOM sequence, and a seeded one goes on past a subshell (bash)
### oracle: bash
(echo $RANDOM) > a; (echo $RANDOM) > b; (echo $RANDOM) > c
if cmp -s a b && cmp -s b c; then echo "subshells: the same"; else echo "subshells: each its own"; fi
RANDOM=5; x=$RANDOM; (: $RANDOM); y=$RANDOM
RANDOM=5; x2=$RANDOM; y2=$RANDOM
[ "$x" = "$x2" ] && [ "$y" = "$y2" ] && echo "a seeded sequence goes on past a subshell"
### stdout:
subshells: each its own
a seeded sequence goes on past a subshell
### status: 0
### end

### case: declare finds the = after the subscript, which may hold brackets and an = of its own (bash)
### oracle: bash
declare a[a[0]=1]=X
declare -p a
declare b[1+1]+=Y b[2]+=Z
declare -p b
declare -A m
declare m[k[x]]=v
declare -p m
### stdout:
declare -a a=([0]="1" [1]="X")
declare -a b=([2]="YZ")
declare -A m=(["k[x]"]="v" )
### status: 0
### end
