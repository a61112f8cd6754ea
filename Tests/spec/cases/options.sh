# Shell options: set -e -u -x -f -C -a -v -n, pipefail, set -o listing, set --, $-.

### case: set -e exits on a failing simple command
### oracle: both
set -e
echo before
false
echo after
### stdout:
before
### status: 1
### end

### case: set -e exits with the failing command's status
### oracle: both
set -e
sh -c 'exit 4'
echo after
### stdout:
### status: 4
### end

### case: set -e ignores failures in if and while conditions
### oracle: both
set -e
if false; then echo no; else echo else-branch; fi
while false; do :; done
until true; do :; done
echo survived
### stdout:
else-branch
survived
### status: 0
### end

### case: set -e ignores failures in && and || lists except the last
### oracle: both
set -e
false && echo no
false || echo or-branch
true && false || echo recovered
echo survived
### stdout:
or-branch
recovered
survived
### status: 0
### end

### case: set -e exits when the last command of an && list fails
### oracle: both
set -e
true && false
echo not reached
### stdout:
### status: 1
### end

### case: set -e ignores negated pipelines
### oracle: both
set -e
! true
echo survived-negation
! false
echo still
### stdout:
survived-negation
still
### status: 0
### end

### case: set -e ignores failures in functions called in a condition
### oracle: both
set -e
f() { false; echo "in f after false"; }
if f; then echo f-true; fi
f || echo never
echo survived
### stdout:
in f after false
f-true
in f after false
survived
### status: 0
### end

### case: set -e in a function called normally exits
### oracle: both
set -e
f() { false; echo "not here"; }
f
echo not reached
### stdout:
### status: 1
### end

### case: set -e with a failing pipeline only looks at the last stage
### oracle: both
set -e
false | true
echo survived
true | false
echo not reached
### stdout:
survived
### status: 1
### end

### case: set -e and a failing subshell
### oracle: both
set -e
(false; echo "not in sub")
echo not reached
### stdout:
### status: 1
### end

### case: set -e and a failing compound command
### oracle: both
set -e
{ false; echo "not in group"; }
echo not reached
### stdout:
### status: 1
### end

### case: set -e does not exit on command substitution failure inside an argument
### oracle: both
set -e
echo "x$(false)y"
echo survived
### stdout:
xy
survived
### status: 0
### end

### case: set -e exits on a failing assignment with command substitution
### oracle: both
set -e
x=$(false)
echo not reached
### stdout:
### status: 1
### end

### case: set +e turns it off again
### oracle: both
set -e
set +e
false
echo survived
### stdout:
survived
### status: 0
### end

### case: set -o errexit is the same as set -e
### oracle: both
set -o errexit
echo "$-" | grep -q e && echo has-e
false
echo not reached
### stdout:
has-e
### status: 1
### end

### case: set -u makes an unset variable an error
### oracle: both
echo "${unset_var-default}"
(set -u; echo "$unset_var"; echo not reached) 2>/dev/null || echo "failed"
### stdout:
default
failed
### status: 0
### end

### case: set -u: an unset variable ends the non-interactive shell (bash status 127)
### weir-differs: weir exits with status 1
### oracle: bash
set -u
echo "$unset_var"
echo not reached
### stdout:
### status: 127
### end

### case: set -u allows $@ and $* with no parameters
### oracle: both
set -u
set --
echo "[$@]" "[$*]" $#
echo ok
### stdout:
[] [] 0
ok
### status: 0
### end

### case: set -u error message goes to stderr
### oracle: both
set -u
(echo "$nope") 2>&1 | grep -c nope
### stdout:
1
### status: 0
### end

### case: set -u with ${x:-} and ${x+} forms is fine
### oracle: both
set -u
echo "[${a:-}] [${a+set}] [${a-}]"
### stdout:
[] [] []
### status: 0
### end

### case: set -x traces commands to stderr with PS4
### oracle: both
set -x
echo hello world 2>/dev/null
x=1
set +x
### stdout:
hello world
### status: 0
### end

### case: set -x trace output format
### oracle: both
{ set -x; echo hi; x=5; set +x; } 2>&1
### stdout:
+ echo hi
hi
+ x=5
+ set +x
### status: 0
### end

### case: set -x with a custom PS4
### oracle: both
PS4='TRACE: '
{ set -x; echo a b; set +x; } 2>&1
### stdout:
TRACE: echo a b
a b
TRACE: set +x
### status: 0
### end

### case: set -x quotes arguments with spaces (bash)
### oracle: bash
{ set -x; echo "a b" 'c'; set +x; } 2>&1
### stdout:
+ echo 'a b' c
a b c
+ set +x
### status: 0
### end

### case: set -x quotes arguments with spaces (dash)
### weir-differs: bash's set -x quoting
### oracle: dash
{ set -x; echo "a b" 'c'; set +x; } 2>&1
### stdout:
+ echo a b c
a b c
+ set +x
### status: 0
### end

### case: set -x PS4 is expanded
### oracle: both
n=7
PS4='[$n] '
{ set -x; true; set +x; } 2>&1
### stdout:
[7] true
[7] set +x
### status: 0
### end

### case: set -f disables pathname expansion
### oracle: both
touch a1 a2
echo a*
set -f
echo a*
set +f
echo a*
### stdout:
a1 a2
a*
a1 a2
### status: 0
### end

### case: set -o noglob is set -f
### oracle: both
touch zz
set -o noglob
echo z*
### stdout:
z*
### status: 0
### end

### case: set -C prevents clobbering
### oracle: both
echo 1 > f
set -C
(echo 2 > f) 2>/dev/null || echo refused
echo 3 >| f
cat f
### stdout:
refused
3
### status: 0
### end

### case: set -a exports every assigned variable
### oracle: both
set -a
A=exported
set +a
B=not
sh -c 'echo "A=${A-unset} B=${B-unset}"'
### stdout:
A=exported B=unset
### status: 0
### end

### case: set -v prints input lines to stderr, not stdout
### oracle: both
printf 'echo one\n' > s
set -v
. ./s 2>/dev/null
. ./s 2>&1 >/dev/null
### stdout:
one
echo one
### status: 0
### end

### case: set -v echoes lines of a sourced file
### oracle: both
printf 'echo one\necho two\n' > s
set -v
. ./s 2>&1
### stdout:
echo one
one
echo two
two
### status: 0
### end

### case: set -n reads but does not execute
### oracle: both
set -n
echo not executed
### stdout:
### status: 0
### end

### case: set -o lists options, including pipefail (bash)
### oracle: bash
set -o | grep -E '^(errexit|noglob|pipefail|nounset)[[:space:]]' | sed 's/[[:space:]]\+/ /'
### stdout:
errexit off
noglob off
nounset off
pipefail off
### status: 0
### end

### case: set -o lists options (dash)
### oracle: dash
set -o | grep -E '^(errexit|noglob|nounset)[[:space:]]' | sed 's/[[:space:]]\{1,\}/ /'
### stdout:
errexit off
noglob off
nounset off
### status: 0
### end

### case: set +o prints commands that restore the options
### oracle: both
set -e -f
set +o | grep -E ' (errexit|noglob|nounset)$'
### stdout:
set -o errexit
set -o noglob
set +o nounset
### status: 0
### end

### case: set +o output can restore the options
### oracle: both
set -f
saved=$(set +o)
set +f
eval "$saved"
case $- in *f*) echo restored;; esac
### stdout:
restored
### status: 0
### end

### case: set -- sets the positional parameters
### oracle: both
set -- a "b c" d
echo $#
printf '[%s]\n' "$@"
set --
echo $#
### stdout:
3
[a]
[b c]
[d]
0
### status: 0
### end

### case: set with a leading - argument needs --
### oracle: both
set -- -x -y
echo "$1 $2 $#"
set - a b
echo "$1 $2 $#"
### stdout:
-x -y 2
a b 2
### status: 0
### end

### case: $- reflects the set options
### oracle: both
set -f
case $- in *f*) echo f-on;; esac
set +f -u
case $- in *f*) echo f-still;; *u*) echo u-on;; esac
### stdout:
f-on
u-on
### status: 0
### end

### case: $- does not contain i for -c
### oracle: both
case $- in *i*) echo interactive;; *) echo not-interactive;; esac
### stdout:
not-interactive
### status: 0
### end

### case: set -o pipefail (bash)
### oracle: bash
set -o pipefail
false | true
echo $?
set -o | grep pipefail | sed 's/[[:space:]]\+/ /'
### stdout:
1
pipefail on
### status: 0
### end

### case: invalid option to set fails
### oracle: both
(set -o nosuchoption) 2>/dev/null || echo failed
### stdout:
failed
### status: 0
### end

### case: shell options given on the command line of the shell ("$0 -e file")
### oracle: both
printf 'echo $1; false; echo after\n' > s
"$0" -e s arg; echo "status $?"
### stdout:
arg
status 1
### status: 0
### end

### case: set -e in a subshell does not affect the parent
### oracle: both
(set -e; false; echo no)
echo "parent continues $?"
### stdout:
parent continues 1
### status: 0
### end

### case: set -e does not exit for a failing command followed by ||
### oracle: both
set -e
f() { return 3; }
f || echo "f failed with $?"
echo done
### stdout:
f failed with 3
done
### status: 0
### end

### case: set -e and return from a function
### oracle: both
set -e
f() { return 1; }
if ! f; then echo negated; fi
f
echo not reached
### stdout:
negated
### status: 1
### end

### case: set -e ignores failures inside a while condition list
### oracle: both
set -e
i=0
while [ $i -lt 2 ] && false; do :; done
echo survived
### stdout:
survived
### status: 0
### end

### case: set -e ignored for a function called by && while set -e in it
### oracle: both
set -e
f() { false; echo "continues in f"; }
f && echo after-f
echo end
### stdout:
continues in f
after-f
end
### status: 0
### end

### case: set -u with positional parameter out of range
### oracle: both
set -u
set -- a
echo "$1"
(echo "$2") 2>/dev/null || echo "unset positional is an error"
### stdout:
a
unset positional is an error
### status: 0
### end

### case: set -x traces expanded words and assignments
### oracle: both
x=val
{ set -x; y=$x; echo $y; set +x; } 2>&1
### stdout:
+ y=val
+ echo val
val
+ set +x
### status: 0
### end

### case: set -u: an unset variable ends the non-interactive shell (dash status 2)
### weir-differs: the status: weir exits 1 (POSIX asks only for non-zero)
### oracle: dash
set -u
echo "$unset_var"
echo not reached
### stdout:
### status: 2
### end

### case: set -n stops a script from running commands, even on the same line
### oracle: both
echo before
set -n; echo same-line
echo next-line
### stdout:
before
### status: 0
### end

### case: set +o in a command substitution shows errexit as set
### oracle: dash
set -e
x=$(set +o | grep errexit)
echo "$x"
### stdout:
set -o errexit
### status: 0
### end

### case: $- lists h, B and c as bash does, in bash's order
### oracle: bash
echo "$-"
set -e -u -C -f -a
echo "$-"
set +h +B
echo "$-"
### stdout:
hBc
aefhuBCc
aefuCc
### status: 0
### end

### case: set +B leaves braces as written; set -B brings expansion back
### oracle: bash
set +B
x=q
echo {a,b} {1..3} x{a,{b,c}}y {$x,z} "{a,b}"
set -o | grep braceexpand
set -B
echo {a,b} {1..3}
### stdout:
{a,b} {1..3} x{a,{b,c}}y {q,z} {a,b}
braceexpand    	off
a b 1 2 3
### status: 0
### end

### case: SHELLOPTS and BASHOPTS in the environment turn their options on in a child shell; export SHELLOPTS passes set -x on (bash)
### oracle: bash
export SHELLOPTS
set -x
"$0" -c 'echo inner' 2>&1 | grep -c '^+ echo inner$'
set +x
env SHELLOPTS=nounset "$0" -c 'echo "${undefined_zz}"; echo not reached' 2>/dev/null || echo "nounset came through"
env BASHOPTS=nullglob "$0" -c 'echo "[" *.none "]"'
### stdout:
1
nounset came through
[ ]
### status: 0
### end

### case: unknown names in SHELLOPTS and BASHOPTS are passed over; an exported RANDOM or SECONDS gives a child its value (bash)
### oracle: bash
touch file
env SHELLOPTS=no-such-option:noglob "$0" -c 'echo *' 2>/dev/null
env BASHOPTS=no-such-shopt "$0" -c 'echo still runs' 2>/dev/null
export RANDOM
sh -c 'echo "child: ${RANDOM:+a number}"'
export SECONDS
sh -c 'case $SECONDS in [0-9]*) echo "child: seconds" ;; *) echo "child: none" ;; esac'
### stdout:
*
still runs
child: a number
child: seconds
### status: 0
### end
