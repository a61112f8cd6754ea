# getopts, times, ulimit, umask, and more cases for kill, wait, export, readonly, local, set, unset, trap.

### case: getopts parses options and arguments
### oracle: both
set -- -a -b val -c file1 file2
while getopts ab:c opt; do
  case $opt in
    b) echo "b with $OPTARG";;
    *) echo "opt $opt";;
  esac
done
shift $((OPTIND - 1))
echo "rest: $*"
### stdout:
opt a
b with val
opt c
rest: file1 file2
### status: 0
### end

### case: getopts with grouped options and attached argument
### oracle: both
set -- -xy -zARG rest
while getopts xyz: o; do echo "$o ${OPTARG-}"; done
echo "OPTIND=$OPTIND"
### stdout:
x 
y 
z ARG
OPTIND=3
### status: 0
### end

### case: getopts stops at -- and at the first non-option
### oracle: both
set -- -a -- -b
while getopts ab o; do echo "got $o"; done
echo "OPTIND=$OPTIND next=$(eval echo \${$OPTIND})"
OPTIND=1
set -- -a file -b
while getopts ab o; do echo "got $o"; done
echo "OPTIND=$OPTIND"
### stdout:
got a
OPTIND=3 next=-b
got a
OPTIND=2
### status: 0
### end

### case: getopts unknown option in normal mode gives ? and a message
### oracle: both
set -- -q
getopts ab o 2>/dev/null
echo "status $? opt=$o OPTARG=${OPTARG-unset}"
set -- -q
OPTIND=1
getopts ab o 2>&1 >/dev/null | grep -c q
### stdout:
status 0 opt=? OPTARG=unset
1
### status: 0
### end

### case: getopts silent mode reports the option in OPTARG
### oracle: both
set -- -q -b
while getopts :ab: o; do
  case $o in
    \?) echo "unknown $OPTARG";;
    :) echo "missing arg for $OPTARG";;
    *) echo "opt $o";;
  esac
done
### stdout:
unknown q
missing arg for b
### status: 0
### end

### case: getopts missing argument in normal mode
### oracle: both
set -- -b
getopts b: o 2>/dev/null
echo "status $? opt=$o"
### stdout:
status 0 opt=?
### status: 0
### end

### case: getopts with explicit arguments instead of $@
### oracle: both
getopts xy: o -y val
echo "$o $OPTARG"
### stdout:
y val
### status: 0
### end

### case: getopts returns 1 when done
### oracle: both
set -- -a
getopts a o; echo $?
getopts a o; echo "$? $o"
### stdout:
0
1 ?
### status: 0
### end

### case: getopts in a function uses the global OPTIND
### oracle: both
parse() {
  OPTIND=1
  while getopts v o; do echo "-$o"; done
  shift $((OPTIND-1)); echo "args: $*"
}
parse -v one
parse two
### stdout:
-v
args: one
args: two
### status: 0
### end

### case: times prints two lines of user and system times
### oracle: both
times | wc -l | tr -d ' '
times | sed 's/[0-9]/N/g; s/N\{1,\}/N/g' | head -n 1
### stdout:
2
NmN.Ns NmN.Ns
### status: 0
### end

### case: times takes no arguments and returns 0
### oracle: both
times > /dev/null
echo $?
### stdout:
0
### status: 0
### end

### case: times output goes to stdout
### oracle: both
times 2>/dev/null | grep -c 's'
### stdout:
2
### status: 0
### end

### case: ulimit -n prints and sets the open file limit
### oracle: both
ulimit -n 256
ulimit -n
(ulimit -n 128; ulimit -n)
ulimit -n
### stdout:
256
128
256
### status: 0
### end

### case: ulimit -n with too many open files
### oracle: both
ulimit -n 10
exec 9>/dev/null && echo fd9-ok
(exec 12>/dev/null) 2>/dev/null || echo fd12-refused
### stdout:
fd9-ok
fd12-refused
### status: 0
### end

### case: ulimit -f and unlimited
### oracle: both
ulimit -f unlimited 2>/dev/null
ulimit -f
(ulimit -f 100; ulimit -f)
### stdout:
unlimited
100
### status: 0
### end

### case: ulimit cannot raise the soft limit above the hard limit
### oracle: both
(ulimit -n 100; ulimit -S -n 200 2>/dev/null || echo "cannot raise"; ulimit -S -n; ulimit -H -n)
### stdout:
cannot raise
100
100
### status: 0
### end

### case: umask prints and sets the mask
### oracle: both
umask 022
umask
umask 077
umask
### stdout:
0022
0077
### status: 0
### end

### case: umask -S prints symbolically
### oracle: both
umask 022
umask -S
umask 0027
umask -S
### stdout:
u=rwx,g=rx,o=rx
u=rwx,g=rx,o=
### status: 0
### end

### case: umask symbolic mode
### oracle: both
umask 077
umask g+rx
umask
umask u=rwx,g=rx,o=
umask
### stdout:
0027
0027
### status: 0
### end

### case: umask affects new files
### oracle: both
umask 027
touch f
mkdir d
ls -ld f d | cut -c1-10
### stdout:
drwxr-x---
-rw-r-----
### status: 0
### end

### case: umask in a subshell does not leak
### oracle: both
umask 022
(umask 077)
umask
### stdout:
0022
### status: 0
### end

### case: invalid umask fails
### oracle: both
umask 022
umask 999 2>/dev/null || echo "bad mask"
umask
### stdout:
bad mask
0022
### status: 0
### end

### case: kill sends a signal to a background process
### oracle: both
sleep 10 &
kill $!
wait $!
echo "status $?"
### stdout:
status 143
### status: 0
### end

### case: kill -s with several pids
### oracle: both
sleep 10 & a=$!
sleep 10 & b=$!
kill -s KILL $a $b
wait $a; echo $?
wait $b; echo $?
### stdout:
137
137
### status: 0
### end

### case: kill -SIGNAME form
### oracle: bash
sleep 10 &
kill -SIGTERM $!
wait $!; echo $?
### stdout:
143
### status: 0
### end

### case: wait with several pids returns the last one's status
### oracle: both
sh -c 'exit 2' & a=$!
sh -c 'exit 5' & b=$!
wait $a $b
echo $?
### stdout:
5
### status: 0
### end

### case: wait after the job already finished still gets its status
### oracle: both
sh -c 'exit 6' &
p=$!
sleep 1
wait $p
echo $?
### stdout:
6
### status: 0
### end

### case: wait for a job whose output is captured
### oracle: both
( echo part1; sleep 0.2; echo part2 ) > out &
wait
cat out
### stdout:
part1
part2
### status: 0
### end

### case: export marks a function-set variable for later children
### oracle: both
f() { export FROMF=yes; }
f
sh -c 'echo $FROMF'
### stdout:
yes
### status: 0
### end

### case: export with no value keeps the current value
### oracle: both
V=keep
export V
sh -c 'echo $V'
### stdout:
keep
### status: 0
### end

### case: export of an invalid name fails
### oracle: both
(export 1abc=x) 2>/dev/null || echo "invalid name"
### stdout:
invalid name
### status: 0
### end

### case: readonly with several names and an exported readonly
### oracle: both
readonly A=1 B=2
export A
sh -c 'echo $A'
(B=3) 2>/dev/null || echo "B is readonly"
### stdout:
1
B is readonly
### status: 0
### end

### case: readonly without a value makes the existing variable readonly
### oracle: both
V=before
readonly V
(V=after) 2>/dev/null || echo "V readonly"
echo $V
### stdout:
V readonly
before
### status: 0
### end

### case: readonly of a function name (bash readonly -f)
### oracle: bash
f() { echo f; }
readonly -f f
(f() { echo g; }) 2>/dev/null || echo "f is readonly"
f
### stdout:
f is readonly
f
### status: 0
### end

### case: local with several variables and values
### oracle: both
a=A b=B
f() { local a=1 b; b=2; echo "$a $b"; }
f
echo "$a $b"
### stdout:
1 2
A B
### status: 0
### end

### case: local is restored after a function returns with an error status
### oracle: both
x=outer
f() { local x=inner; return 3; }
f
echo "$? $x"
### stdout:
3 outer
### status: 0
### end

### case: local without assignment leaves the variable unset (bash)
### oracle: bash
x=outer
f() { local x; echo "[${x-unset}]"; }
f
### stdout:
[unset]
### status: 0
### end

### case: local without assignment in dash inherits the value
### weir-differs: bash: `local x` makes an unset variable
### oracle: dash
x=outer
f() { local x; echo "[${x-unset}]"; }
f
### stdout:
[outer]
### status: 0
### end

### case: unset of several names and of a function
### oracle: both
a=1 b=2
g() { :; }
unset a b
echo "${a-ua} ${b-ub}"
unset -f g
command -v g || echo "g gone"
### stdout:
ua ub
g gone
### status: 0
### end

### case: unset -v of an invalid name fails
### oracle: both
(unset -v 1a) 2>/dev/null || echo "cannot unset 1a"
### stdout:
cannot unset 1a
### status: 0
### end

### case: unset in a function removes the global
### oracle: both
G=global
f() { unset G; }
f
echo "${G-unset}"
### stdout:
unset
### status: 0
### end

### case: set with no arguments lists variables
### oracle: both
WEIRSETVAR='a b'
set | grep '^WEIRSETVAR='
### stdout:
WEIRSETVAR='a b'
### status: 0
### end

### case: several -o options in one set command
### oracle: both
set -o nounset -o noglob
case $- in *u*f*|*f*u*) echo both-on;; esac
set +o nounset +o noglob
### stdout:
both-on
### status: 0
### end

### case: pwd builtin matches $PWD
### oracle: both
mkdir d; cd d
[ "$(pwd)" = "$PWD" ] && echo match
### stdout:
match
### status: 0
### end

### case: pwd and pwd -P in a plain directory
### oracle: both
mkdir a; cd a
[ "$(pwd)" = "$PWD" ] && echo same
pwd -P | sed 's|.*/||'
### stdout:
same
a
### status: 0
### end

### case: pwd with an invalid option fails
### oracle: both
pwd -Z >/dev/null 2>&1 || echo "bad option"
### stdout:
bad option
### status: 0
### end

### case: export -f passes a function to bash, and weir takes one from the environment
### oracle: bash
greet() { echo "hello $1"; }
export -f greet
bash -c 'greet from-bash'
"$0" -c 'greet from-child'
export -fn greet
bash -c 'greet 2>/dev/null || echo "no longer exported"'
### stdout:
hello from-bash
hello from-child
no longer exported
### status: 0
### end

### case: a function keeps the text it was defined in: LINENO and set -x inside it
### oracle: bash
printf '%s\n' '# a library' '' 'f() {' '  [[ a == a ]]' '  echo "line $LINENO"' '}' > lib.sh
. ./lib.sh
set -x
f 2>&1
set +x
### stdout:
+ [[ a == a ]]
+ echo 'line 5'
line 5
### status: 0
### end

### case: caller rejects a negative or non-numeric frame with status 2
### oracle: bash
f() {
  caller -1 2>/dev/null; echo "negative: $?"
  caller x 2>/dev/null; echo "word: $?"
  caller 99999999999999999999 2>/dev/null; echo "huge: $?"
  caller 5 >/dev/null; echo "past the stack: $?"
}
f
### stdout:
negative: 2
word: 2
huge: 2
past the stack: 1
### status: 0
### end

### case: suspend rejects an unknown option and operands instead of stopping the shell
### oracle: bash
suspend -x 2>/dev/null
echo "status $?"
### stdout:
status 2
### status: 0
### end

### case: enable -n hands the name to PATH, enable turns it back on
### oracle: bash
enable -n echo
type -t echo
enable -n | grep -c 'enable -n echo'
enable echo
type -t echo
enable nosuch 2>/dev/null
echo "status $?"
enable -s | grep -c '^enable export$'
### stdout:
file
1
builtin
status 1
1
### status: 0
### end
