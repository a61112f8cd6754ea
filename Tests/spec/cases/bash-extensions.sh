# bash extensions (issue 7), one case per area, checked against bash.

### case: indexed arrays: literals, append, elements, counts, keys, slices
### oracle: bash
a=(zero one two three four)
a+=(five)
a[7]=seven
echo "${a[@]}"
echo "${#a[@]} ${#a[2]} ${!a[@]}"
echo "${a[@]:1:2} | ${a[@]: -2} | ${a[-1]} | ${a[*]:6}"
IFS=,; echo "${a[*]}"; unset IFS
for x in "${a[@]:0:2}"; do echo "item $x"; done
### stdout:
zero one two three four five seven
7 3 0 1 2 3 4 5 7
one two | seven | seven | seven
zero,one,two,three,four,five,seven
item zero
item one
### status: 0
### end

### case: sparse arrays, unset elements and negative indices
### oracle: bash
a=(1 2 3 4)
unset 'a[1]'
a[10]=x
echo "${!a[@]} / ${#a[@]} / ${a[-1]} / ${a[-2]}"
unset 'a[-1]'
echo "${!a[@]}"
b=("${a[@]}")
echo "${!b[@]}"
### stdout:
0 2 3 10 / 4 / x / 
0 2 3
0 1 2
### status: 0
### end

### case: associative arrays
### oracle: bash
declare -A m=([one]=1 [two]=2)
m[three]=3
m+=([four]=4)
echo "${#m[@]} ${m[two]} ${m[nope]:-none}"
for k in one two three four; do [[ -v m[$k] ]] && echo "has $k"; done
unset 'm[two]'
echo "${#m[@]}"
keys=$(printf '%s\n' "${!m[@]}" | sort | tr '\n' ' '); echo "$keys"
### stdout:
4 2 none
has one
has two
has three
has four
3
four one three 
### status: 0
### end

### case: declare and local attributes
### oracle: bash
declare -i n=2+3; n+=4; echo $n
declare -l low=MiXeD; declare -u up=MiXeD; echo "$low $up"
declare -r ro=1; (ro=2) 2>/dev/null || echo "ro=$ro"
declare -x ex=exported; env | grep '^ex='
f() { declare -g glob=set-in-f; local -i li=7*6; local -a la=(x y); echo "$li ${la[1]}"; }
f; echo "$glob"
declare -p n low up
declare -a arr=(1 2); declare -p arr
g() { :; }; declare -F g
### stdout:
9
mixed MIXED
ro=1
ex=exported
42 y
set-in-f
declare -i n="9"
declare -l low="mixed"
declare -u up="MIXED"
declare -a arr=([0]="1" [1]="2")
g
### status: 0
### end

### case: namerefs
### oracle: bash
x=1; declare -n r=x; r=2; echo "$x ${!r}"
set_it() { local -n target=$1; target=from-function; }
set_it y; echo "$y"
arr=(a b c); declare -n ar=arr; echo "${ar[1]} ${#ar[@]}"
### stdout:
2 x
from-function
b 3
### status: 0
### end

### case: [[ ]]: patterns, regex, string order, -v, file tests, no splitting
### oracle: bash
x='a b*'
[[ $x == a\ b* ]] && echo match1
[[ $x == "a b*" ]] && echo literal
[[ abc != a?d ]] && echo differs
[[ foo123 =~ ^([a-z]+)([0-9]+)$ ]] && echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
[[ apple < banana ]] && echo ordered
v=; [[ -v v ]] && echo v-set; [[ -v nosuch ]] || echo nosuch-unset
touch f; [[ -f f && -e f && ! -d f && -s f ]] || echo f-empty
[[ -z "" && -n x ]] && echo zn
y=''; [[ $y == '' ]] && echo empty-ok
### stdout:
match1
literal
differs
foo123 foo 123
ordered
v-set
nosuch-unset
f-empty
zn
empty-ok
### status: 0
### end

### case: arithmetic: (( )), let, for (( )), ++ -- ** and assignment operators
### oracle: bash
i=5; (( i++ )); (( --i )); echo $i
let 'j = 2 ** 10' 'k = j % 7'; echo "$j $k"
x=3; (( x += 4, x *= 2, x <<= 1 )); echo $x
echo $(( 7 / 2 )) $(( -7 % 3 )) $(( 1 ? 10 : 20 )) $(( 16#ff )) $(( 2#101 ))
for (( a = 0, b = 10; a < 3; a++, b-- )); do echo "$a $b"; done
(( 0 )) || echo zero-is-false
### stdout:
5
1024 2
28
3 -1 10 255 5
0 10
1 9
2 8
zero-is-false
### status: 0
### end

### case: brace expansion
### oracle: bash
echo {a,b}c x{1,2}{p,q}
echo {1..5} {01..10..3} {a..i..2} {5..1..2}
echo a{b{c,d},e}f
echo {x}
### stdout:
ac bc x1p x1q x2p x2q
1 2 3 4 5 01 04 07 10 a c e g i 5 3 1
abcf abdf aef
{x}
### status: 0
### end

### case: extglob, globstar, nullglob, failglob, dotglob, nocaseglob, nocasematch
### oracle: bash
shopt -s extglob
touch a.txt b.log c.txt .hidden D.TXT
echo !(*.txt) | tr ' ' '\n' | sort | tr '\n' ' '; echo
echo @(a|c).txt *(x)a.txt +(c).txt ?(b).log
case foo.tar.gz in *.@(gz|bz2)) echo compressed;; esac
[[ abc == +([a-c]) ]] && echo ext-in-dbracket
mkdir -p d/e/f; touch d/e/f/deep.txt d/top.txt
shopt -s globstar; echo d/**/*.txt
shopt -s nullglob; echo none: *.nomatch; shopt -u nullglob
shopt -s failglob; echo *.nomatch 2>/dev/null
echo "failglob status $?"; shopt -u failglob
shopt -s dotglob; echo .h*; shopt -u dotglob
shopt -s nocaseglob; echo d.txt; echo D.t?t; shopt -u nocaseglob
shopt -s nocasematch; [[ ABC == abc ]] && echo nocasematch; case X in x) echo case-too;; esac
### stdout:
D.TXT b.log 
a.txt c.txt a.txt c.txt b.log
compressed
ext-in-dbracket
d/e/f/deep.txt d/top.txt
none:
failglob status 1
.hidden
d.txt
D.TXT
nocasematch
case-too
### status: 0
### end

### case: parameter operators: substitution, substrings, case, indirection, transformations
### oracle: bash
x=hello-hello
echo "${x/l/L} ${x//l/L} ${x/#h/H} ${x/%o/O} ${x/hello}"
echo "${x:2:3} ${x: -3} ${x: -5:2} ${x:(-1)}"
echo "${x^} ${x^^} ${x,,} ${x^^[el]}"
name=x; echo "${!name}"
pre_a=1 pre_b=2; echo "${!pre_@}"
s=$'tab\there'; echo "${s@Q}"
e='a\tb'; echo "${e@E}"
u=MiXed; echo "${u@U} ${u@L}"
declare -a arr=(1 2); echo "${arr[@]@A}"
n=5; echo "${n@A}"; declare -i m=3; echo "${m@A}"; echo "${arr@A}"
### stdout:
heLlo-hello heLLo-heLLo Hello-hello hello-hellO -hello
llo llo he o
Hello-hello HELLO-HELLO hello-hello hELLo-hELLo
hello-hello
pre_a pre_b
$'tab\there'
a	b
MIXED mixed
declare -a arr=([0]="1" [1]="2")
n='5'
declare -i m='3'
declare -a arr='1'
### status: 0
### end

### case: here-strings, ANSI-C quoting, &>, &>>, |&, {fd}>file
### oracle: bash
cat <<< "here string $((1 + 1))"
echo $'a\x41\101\t\n' | od -c | head -1
{ echo out; echo err >&2; } &> both
{ echo more; echo err2 >&2; } &>> both
cat both
{ echo piped; echo err3 >&2; } |& sort
exec {fd}> fdfile; echo "via fd" >&$fd; exec {fd}>&-
cat fdfile
### stdout:
here string 2
0000000   a   A   A  \t  \n  \n
out
err
more
err2
err3
piped
via fd
### status: 0
### end

### case: PIPESTATUS, pipefail and shopt listing
### oracle: bash
true | false | (exit 3); echo "${PIPESTATUS[*]}"
set -o pipefail; false | true; echo "pipefail $?"; set +o pipefail
shopt -s extglob; shopt -p extglob; shopt -u extglob; shopt -p extglob
shopt -q extglob || echo "extglob off"
### stdout:
0 1 3
pipefail 1
shopt -s extglob
shopt -u extglob
extglob off
### status: 0
### end

### case: mapfile and readarray
### oracle: bash
printf 'l1\nl2\nl3\nl4\n' > lines
mapfile -t a < lines; echo "${#a[@]} ${a[3]}"
readarray -t -n 2 b < lines; echo "${b[*]}"
mapfile -t -s 1 c < lines; echo "${c[0]}"
mapfile -t -d , d <<< "x,y,z"; echo "${#d[@]} ${d[1]}"
exec 3< lines; mapfile -t -u 3 e; exec 3<&-; echo "${e[2]}"
### stdout:
4 l4
l1 l2
l2
3 y
l3
### status: 0
### end

### case: printf -v, read -a, select
### oracle: bash
printf -v out '%05.1f|%-4s|' 3.14159 ab; echo "$out"
read -r -a words <<< "one two three"; echo "${#words[@]} ${words[2]}"
select choice in red green blue; do echo "chose $choice ($REPLY)"; break; done <<< 2 2>/dev/null
### stdout:
003.1|ab  |
3 three
chose green (2)
### status: 0
### end

### case: time with TIMEFORMAT and time -p
### oracle: bash
TIMEFORMAT='took %%'; { time true; } 2>&1
{ time -p true; } 2>&1 | cut -d' ' -f1
### stdout:
took %
real
user
sys
### status: 0
### end

### case: source with arguments, caller, FUNCNAME and LINENO in functions
### oracle: bash
printf '%s\n' 'echo "sourced with $# args: $*"' > lib.sh
source ./lib.sh a b
f() {
  echo "in ${FUNCNAME[0]} at $LINENO"
  g
}
g() { caller 0 | cut -d' ' -f1,2; }
f
### stdout:
sourced with 2 args: a b
in f at 4
5 f
### status: 0
### end

### case: dynamic variables: RANDOM, SRANDOM, SECONDS, EPOCHSECONDS, EPOCHREALTIME
### oracle: bash
(( RANDOM >= 0 && RANDOM < 32768 )) && echo random-ok
[[ $SRANDOM =~ ^[0-9]+$ ]] && echo srandom-ok
SECONDS=100; (( SECONDS >= 100 && SECONDS < 105 )) && echo seconds-ok
(( EPOCHSECONDS > 1700000000 )) && echo epoch-ok
[[ $EPOCHREALTIME =~ ^[0-9]+\.[0-9]{6}$ ]] && echo realtime-ok
### stdout:
random-ok
srandom-ok
seconds-ok
epoch-ok
realtime-ok
### status: 0
### end

### case: ERR and RETURN traps, set -E and set -T
### oracle: bash
trap 'echo "ERR at $LINENO"' ERR
false
f() { false; echo "in f"; }
f
set -E; f; set +E
trap - ERR
g() { :; }
trap 'echo "RETURN from ${FUNCNAME[0]}"' RETURN
set -T; g; set +T
### stdout:
ERR at 2
in f
ERR at 3
in f
RETURN from g
### status: 0
### end

### case: shopt -s lastpipe runs the last stage in the shell
### oracle: bash
shopt -s lastpipe
echo value | read v
echo "v=$v"
printf '1\n2\n' | while read -r n; do total=$((total + n)); done
echo "total=$total"
### stdout:
v=value
total=3
### status: 0
### end

### case: namerefs are retargeted, made readonly themselves, may name an element, and check their target
### oracle: bash
x=XX y=YY
declare -n ref=x
declare -n ref=y
declare -p ref x
typeset -n -r ro=x; ro=changed; declare -p x ro
typeset -n el='a[2]'; a=(zero one two); echo "$el"; el=TWO; echo "${a[2]}"
bad=1; typeset -n bad 2>/dev/null; echo "status $? $bad"
### stdout:
declare -n ref="y"
declare -- x="XX"
declare -- x="changed"
declare -nr ro="x"
two
TWO
status 1 1
### status: 0
### end

### case: the DEBUG trap runs in the shell before each simple command of a pipeline
### oracle: bash
trap 'echo "dbg [$BASH_COMMAND]"' DEBUG
echo a | cat
{ echo c; } | cat
trap - DEBUG
### stdout:
dbg [echo a]
dbg [cat]
a
dbg [cat]
c
dbg [trap - DEBUG]
### status: 0
### end

### case: array literals: values first, then keys in order; [k]+=v appends
### oracle: bash
i=1; a=([i++]=$((i*10)) [i++]=$((i*10))); declare -p a
b=(x y); x=5; b=([0]=z [b[0]]=w); declare -p b
c=([1]=x [1]+=y); declare -p c
declare -A h=([k]=1); h+=([k]+=2 [n]=3); echo "${h[k]} ${h[n]}"
d=($(seq 5)); echo "${#d[@]} ${d[4]}"
### stdout:
declare -a a=([1]="10" [2]="10")
declare -a b=([0]="w")
declare -a c=([1]="xy")
12 3
5 5
### status: 0
### end

### case: a subscript that comes from a string is expanded before it is used
### oracle: bash
a=(0 1 2); b=(3 4 5); i=1
x='a[$i]'; echo $((x))
y='a[$(echo 2)]'; echo ${b[y]}
unset 'a[$i]'; echo ${!a[@]}
declare -A A=([K]=v [L]=w); k=L
unset 'A[$k]'; unset -v 'A["K"]'; echo ${#A[@]}
### stdout:
1
5
0 2
0
### status: 0
### end

### case: reading before the start of an array says so and goes on
### oracle: bash
a=(0 1 2)
echo A ${a[-5]} 2>/dev/null
echo "status $?"
echo $((a[-5] + 1)) 2>/dev/null
x=${a[-5]} 2>/dev/null; echo "x=[$x]"
### stdout:
A
status 0
1
x=[]
### status: 0
### end

### case: traps keep the line of the command they interrupted; RETURN after a sourced file
### oracle: bash
trap 'false; echo "$LINENO err"' ERR
trap 'false; echo "$LINENO debug"' DEBUG
false
trap - ERR DEBUG
echo 'echo in-helper' > helper.sh
trap 'echo returned' RETURN
. ./helper.sh
trap - RETURN
set -E; trap 'echo "ERR $LINENO"' ERR
false & wait
{ false; echo async; } & wait
### stdout:
3 err
3 debug
3 debug
3 debug
3 err
4 err
4 debug
in-helper
returned
ERR 11
async
### status: 0
### end

### case: ${a[@]@a} gives the attributes once per element
### oracle: bash
declare -a a=(1 2 3); declare -A A=([x]=1 [y]=2)
echo "${a[@]@a}|${A[@]@a}|${u[@]@a}|${a@a}"
### stdout:
a a a|A A||a
### status: 0
### end

### case: subscripts with arithmetic and command substitutions in assignments
### oracle: bash
i=4
arr[$((i/3))]=x
arr[$(echo 2)]=y
a[ (1+1) * 2 ]=z
declare -p arr a
### stdout:
declare -a arr=([1]="x" [2]="y")
declare -a a=([4]="z")
### status: 0
### end

### case: type -f skips functions, type -ap lists every file even for a builtin
### oracle: bash
mkdir bin; cp /bin/true bin/mv; cp /bin/true bin/pwd
PATH="$PWD/bin:$PATH"
mv() { :; }
type -f mv | sed "s|$PWD|.|"
type -t mv
pwd() { :; }
type -ap pwd | sed "s|$PWD|.|" | head -1
type -p pwd; echo "status $?"
### stdout:
mv is ./bin/mv
function
./bin/pwd
status 0
### status: 0
### end

### case: declare -F NAME with extdebug gives the defining line and file
### oracle: bash
f() { :; }
shopt -s extdebug

g() {
  :
}
declare -F f g
### stdout:
f 1 environment
g 4 environment
### status: 0
### end

### case: export and readonly do not take subscripts; declare and local do
### oracle: bash
(export a[7]=8) 2>/dev/null; echo "status $?"
(readonly b[1]=x) 2>/dev/null; echo "status $?"
declare -p a b 2>/dev/null; echo "status $?"
declare c[2]=y; declare -p c
f() { local d[1]=z; declare -p d; }; f
### stdout:
status 1
status 1
status 1
declare -a c=([2]="y")
declare -a d=([1]="z")
### status: 0
### end

### case: a slash right after // is the pattern's first character
### oracle: bash
x='slash / brace } hi'
echo "[${x///}]"
H=/foo/bar
echo "${H////\\/}" "${H//\//-}"
y=aaa; echo "${y///b}" "[${y//a/}]"
### stdout:
[slash  brace } hi]
\/foo\/bar -foo-bar
aaa []
### status: 0
### end

### case: local -p lists only the function's own variables
### oracle: bash
x=2
g() { local a=1 b; local -a c=(1); local -p; }
g
### stdout:
declare -- a="1"
declare -- b
declare -a c=([0]="1")
### status: 0
### end

### case: a command run again sees functions defined, redefined and removed meanwhile
### oracle: bash
f() { echo f1; }
for i in 1 2; do f; f() { echo f2; }; done
echo() { builtin echo "E:$*"; }
for i in 1 2; do echo "$i"; unset -f echo; done
mkdir bin; printf '#!/bin/sh\necho "from file"\n' > bin/cmdx; chmod +x bin/cmdx
for i in 1 2; do cmdx 2>/dev/null || echo missing; [ $i = 1 ] && PATH="$PWD/bin:$PATH"; done
cmdx() { echo "from function"; }
cmdx
### stdout:
f1
f2
E:1
2
missing
from file
from function
### status: 0
### end

### case: ${x~} and ${x~~} toggle case
### oracle: bash
x=HeLLo
echo "${x~} ${x~~} ${x~~[lL]}"
a=(ab Cd); echo "${a[@]~~}"
### stdout:
heLLo hEllO Hello
AB cD
### status: 0
### end

### case: assigning through namerefs that go round in a circle fails
### oracle: bash
declare -n r1=r2
declare -n r2=r1
echo defined
r1=z 2>/dev/null
### stdout:
defined
### status: 1
### end

### case: a negative subscript counts back from the end, and before the first element is an error
### oracle: bash
a=(1 2); printf -v 'a[-1]' x; echo "printf: $? ${a[*]}"
a=(1 2); printf -v 'a[-5]' x 2>/dev/null; echo "printf: $? ${a[*]}"
b=(1); declare -n r='b[-1]'; r=5; echo "nameref: ${b[*]}"
c=(1 2 3); unset 'c[-1]'; echo "unset: $? ${c[*]}"
c=(1 2); unset 'c[-5]' 2>/dev/null; echo "unset: $? ${c[*]}"
### stdout:
printf: 0 1 x
printf: 1 1 2
nameref: 5
unset: 0 1 2
unset: 1 1 2
### status: 0
### end

### case: mapfile rejects a negative origin or count
### oracle: bash
printf 'x\ny\n' | { mapfile -O -1 a 2>/dev/null; echo "origin: $? ${#a[@]}"; }
printf 'x\ny\n' | { mapfile -n -2 a 2>/dev/null; echo "count: $?"; }
printf 'x\ny\n' | { mapfile -s -1 a 2>/dev/null; echo "skip: $?"; }
printf 'x\n' | { mapfile -O 1x a 2>/dev/null; echo "word: $?"; }
printf 'x\n' | { mapfile -O $'\xff' a 2>/dev/null; echo "byte: $?"; }
caller $'\xff' 2>/dev/null; echo "caller outside a function: $?"
### stdout:
origin: 1 0
count: 1
skip: 1
word: 1
byte: 1
caller outside a function: 1
### status: 0
### end

### case: a tilde at the start of an =~ pattern expands, and what it gives matches literally (bash)
### oracle: bash
HOME=foo
[[ $HOME =~ ~ ]]; echo "$?"
HOME='^a$'
[[ $HOME =~ ~ ]]; echo "$?"
[[ ~ =~ $HOME ]]; echo "$?"
[[ x~y =~ x~y ]]; echo "$?"
### stdout:
0
0
1
0
### status: 0
### end

### case: declare with an array's value as text parses it as a compound assignment (bash)
### oracle: bash
list='p $HOME q'
HOME=/h
declare -a "c=($list)"; declare -p c
a=(1); declare "a=(2 3)"; declare -p a
declare -A "h=([k]=v)"; declare -p h
f() { local -a "l=(1 2)"; declare -p l; }; f
declare -a "d+=(z)"; declare -a "d+=(y)"; declare -p d
declare -a "e=x"; declare -p e
declare -a "u=(a b"; declare -p u
declare "k=(1 2)"; declare -p k
### stdout:
declare -a c=([0]="p" [1]="/h" [2]="q")
declare -a a=([0]="2" [1]="3")
declare -A h=([k]="v" )
declare -a l=([0]="1" [1]="2")
declare -a d=([0]="z" [1]="y")
declare -a e=([0]="x")
declare -a u=([0]="(a b")
declare -- k="(1 2)"
### status: 0
### end

### case: the prompt's \s is the last part of the name the shell was run by (bash)
### oracle: bash
shell=$(command -v "$0")
ln -s "$shell" bash
ln -s "$shell" mysh
./bash -c 'p="[\s]"; echo "${p@P}"'
./mysh -c 'p="[\s]"; echo "${p@P}"'
"$PWD/mysh" -c 'PS1="\s\$ "; echo "${PS1@P}"'
### stdout:
[bash]
[mysh]
mysh$ 
### status: 0
### end

### case: run under the name bash, the shell sets BASH, BASH_VERSION and a readonly BASH_VERSINFO of its own
### oracle: bash
mkdir bin && ln -s "$(command -v "$0")" bin/bash
here=$(pwd)
./bin/bash -c 'echo "${BASH#"$PWD"}"; echo "${#BASH_VERSINFO[@]} ${BASH_VERSINFO[4]} ${BASH_VERSINFO[5]}"
[[ $BASH_VERSION == "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}.${BASH_VERSINFO[2]}("* ]] && echo version agrees
[[ ${BASH_VERSINFO[0]} -ge 5 ]] && echo five or later
declare -p BASH_VERSINFO | cut -d= -f1'
(cd bin && ./bash -c 'echo "${BASH#"$PWD"}"')
bin/bash -c 'echo "${BASH#"$PWD"}"'
PATH=$here/bin:$PATH bash -c 'echo "${BASH#"$PWD"}"'
env -i BASH_VERSION=old BASH=/elsewhere "$here/bin/bash" -c 'case $BASH_VERSION in old) echo from the environment ;; *) echo its own ;; esac; echo "${BASH#"$PWD"}"'
BASH=x ./bin/bash -c 'BASH=y; echo "$BASH"'
### stdout:
/bin/bash
6 release x86_64-pc-linux-gnu
version agrees
five or later
declare -ar BASH_VERSINFO
/bash
/bin/bash
/bin/bash
its own
/bin/bash
y
### status: 0
### end

### case: shopt lists a name in 15 columns and a tab; login_shell is read-only, and logout refuses a shell that is not a login shell
### oracle: bash
shopt login_shell nullglob no_empty_cmd_completion | sed -n l
shopt -s login_shell; echo "set $?"; shopt -q login_shell || echo "still off"
logout; echo "logout $?"
(exit 4); echo "subshell $?"
### stdout:
login_shell    \toff$
nullglob       \toff$
no_empty_cmd_completion\toff$
set 0
still off
logout 1
subshell 4
### status: 0
### end

### case: PROMPT_DIRTRIM keeps the last N directories of \w, the rest shown as ... (after ~/ when the path is under HOME)
### oracle: bash
mkdir -p a/bb/ccc/dddd && cd a/bb/ccc/dddd
PS1='\w|\W' HOME=/nonexistent-home
PROMPT_DIRTRIM=2; echo "${PS1@P}"
HOME=${PWD%/a/bb/ccc/dddd}
echo "${PS1@P}"
PROMPT_DIRTRIM=3; echo "${PS1@P}"
PROMPT_DIRTRIM=x; echo "${PS1@P}"
PROMPT_DIRTRIM=0; echo "${PS1@P}"
PROMPT_DIRTRIM=99999999999999999999; echo "${PS1@P}"
PROMPT_DIRTRIM=-2; echo "${PS1@P}"
PROMPT_DIRTRIM=' 2'; echo "${PS1@P}"
### stdout:
.../ccc/dddd|dddd
~/.../ccc/dddd|dddd
~/a/bb/ccc/dddd|dddd
~/a/bb/ccc/dddd|dddd
~/a/bb/ccc/dddd|dddd
~/a/bb/ccc/dddd|dddd
~/a/bb/ccc/dddd|dddd
~/.../ccc/dddd|dddd
### status: 0
### end
