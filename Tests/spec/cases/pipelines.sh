# Pipelines: status, negation, pipefail, PIPESTATUS, stages of every kind.

### case: status of a pipeline is the last stage's
### oracle: both
false | true; echo $?
true | false; echo $?
true | sh -c 'exit 7'; echo $?
sh -c 'exit 5' | true; echo $?
### stdout:
0
1
7
0
### status: 0
### end

### case: ! negates the status of a pipeline
### oracle: both
! true; echo $?
! false; echo $?
! true | false; echo $?
! false | true; echo $?
! sh -c 'exit 3'; echo $?
### stdout:
1
0
0
1
0
### status: 0
### end

### case: pipefail reports the last failing stage (bash; dash 0.5.12 has no pipefail)
### oracle: bash
set -o pipefail
false | true; echo $?
sh -c 'exit 3' | sh -c 'exit 4' | true; echo $?
true | true; echo $?
sh -c 'exit 2' | false; echo $?
set +o pipefail
false | true; echo $?
### stdout:
1
4
0
1
0
### status: 0
### end

### case: pipefail with negation (bash; dash 0.5.12 has no pipefail)
### oracle: bash
set -o pipefail
! false | true; echo $?
! true | true; echo $?
### stdout:
0
1
### status: 0
### end

### case: PIPESTATUS holds every stage's status
### oracle: bash
true | false | sh -c 'exit 3' | true
echo "${PIPESTATUS[@]}"
false
echo "${PIPESTATUS[@]}"
sh -c 'exit 9' | true
echo "${PIPESTATUS[0]} ${PIPESTATUS[1]} ${#PIPESTATUS[@]}"
### stdout:
0 1 3 0
1
9 0 2
### status: 0
### end

### case: PIPESTATUS after a negated pipeline and a compound command
### oracle: bash
! false | true
echo "${PIPESTATUS[@]}"
{ false; } | (exit 4)
echo "${PIPESTATUS[@]}"
### stdout:
1 0
1 4
### status: 0
### end

### case: builtins as pipeline stages
### oracle: both
echo hello world | read a b; echo "after: ${a-unset}"
printf 'x\ny\n' | while read l; do echo "got $l"; done
echo abc | tr a-z A-Z
### stdout:
after: unset
got x
got y
ABC
### status: 0
### end

### case: functions as pipeline stages
### oracle: both
up() { tr a-z A-Z; }
count() { wc -l | tr -d ' '; }
printf 'a\nb\nc\n' | up | count
printf 'q\n' | up
### stdout:
3
Q
### status: 0
### end

### case: compound commands as pipeline stages
### oracle: both
{ echo one; echo two; } | sort -r
for i in 1 2 3; do echo $i; done | tr '\n' ' '; echo
if true; then echo yes; fi | sed 's/y/Y/'
case x in x) echo matched;; esac | cat
seq 3 | while read n; do echo "n=$n"; done
### stdout:
two
one
1 2 3 
Yes
matched
n=1
n=2
n=3
### status: 0
### end

### case: subshells as pipeline stages
### oracle: both
(echo a; echo b) | (read x; read y; echo "$y$x")
echo data | (cat; echo more) | wc -l | tr -d ' '
### stdout:
ba
2
### status: 0
### end

### case: a variable set in a pipeline stage does not leak
### oracle: both
x=outer
echo inner | { read x; echo "in: $x"; }
echo "out: $x"
y=1; true | y=2; echo $y
### stdout:
in: inner
out: outer
1
### status: 0
### end

### case: exit inside a pipeline stage ends only that stage
### oracle: both
echo a | { read v; exit 3; } | cat
echo "status $?"
{ echo first; exit 1; echo never; } | cat
echo "still here"
exit 0 | true
echo "and here"
### stdout:
status 0
first
still here
and here
### status: 0
### end

### case: exit in the last stage does not end the shell
### oracle: both
echo x | exit 5
echo "status $?"
### stdout:
status 5
### status: 0
### end

### case: pipeline of six stages
### oracle: both
seq 20 | grep 1 | sed 's/1/one/' | sort | head -n 3 | tr '\n' ,
echo
### stdout:
one,one0,one1,
### status: 0
### end

### case: pipeline of eight stages mixing builtins and externals
### oracle: both
f() { cat; }
printf '3\n1\n2\n' | cat | f | sort | { cat; echo 4; } | (cat) | sed 's/^/>/' | tr -d '\n'
echo
### stdout:
>1>2>3>4
### status: 0
### end

### case: large data through a pipe
### oracle: both
seq 100000 | wc -l | tr -d ' '
seq 100000 | cat | cat | tail -n 1
### stdout:
100000
100000
### status: 0
### end

### case: large data through a shell loop in a pipeline
### oracle: both
seq 20000 | while read n; do echo "$n"; done | wc -l | tr -d ' '
### stdout:
20000
### status: 0
### end

### case: head closing the pipe early does not hang
### oracle: both
seq 1000000 | head -n 2
yes | head -n 1
### stdout:
1
2
y
### status: 0
### end

### case: stage order of output is the data flow, not start order
### oracle: both
echo 1 | { cat; echo 2; } | { cat; echo 3; }
### stdout:
1
2
3
### status: 0
### end

### case: pipeline status with && and ||
### oracle: both
false | true && echo and-ok
true | false || echo or-ok
! true | true || echo neg-or
### stdout:
and-ok
or-ok
neg-or
### status: 0
### end

### case: newline after the pipe symbol continues the pipeline
### oracle: both
echo abc |
tr a-c x-z |

cat
### stdout:
xyz
### status: 0
### end

### case: |& pipes stderr too (bash)
### oracle: bash
{ echo out; echo err >&2; } |& sort
### stdout:
err
out
### status: 0
### end

### case: stderr is not piped by plain |
### oracle: both
{ echo out; echo err >&2; } 2>/dev/null | wc -l | tr -d ' '
{ echo out; echo err >&2; } 2>&1 | wc -l | tr -d ' '
### stdout:
1
2
### status: 0
### end

### case: pipeline stage reading nothing gets end of file
### oracle: both
true | cat
true | wc -c | tr -d ' '
### stdout:
0
### status: 0
### end

### case: lastpipe runs the last stage in the shell (bash, no job control)
### oracle: bash
shopt -s lastpipe
echo value | read v
echo "v=$v"
### stdout:
v=value
### status: 0
### end

### case: time-less negated pipeline inside if
### oracle: both
if ! echo x | grep -q y; then echo no-y; fi
if echo x | grep -q x; then echo has-x; fi
### stdout:
no-y
has-x
### status: 0
### end

### case: compound commands leave PIPESTATUS to the pipelines inside them
### oracle: bash
false; case x in y) ;; esac; echo "${PIPESTATUS[@]}"
false; while false; do :; done; echo "${PIPESTATUS[@]}"
false; { false | true; } > /dev/null; echo "${PIPESTATUS[@]}"
false; if true; then :; fi; echo "${PIPESTATUS[@]}"
false; (exit 3); echo "${PIPESTATUS[@]}"
false; [[ -n x ]]; echo "${PIPESTATUS[@]}"
### stdout:
1
1
1 0
0
3
0
### status: 0
### end
