# Background jobs: &, $!, wait.

### case: background command runs and wait waits for it
### oracle: both
echo bg > f &
wait
cat f
### stdout:
bg
### status: 0
### end

### case: wait with no jobs returns 0
### oracle: both
wait
echo $?
### stdout:
0
### status: 0
### end

### case: wait PID returns that job's status
### oracle: both
sh -c 'exit 3' &
p=$!
wait $p
echo "status $?"
(exit 7) &
wait $!
echo "status $?"
### stdout:
status 3
status 7
### status: 0
### end

### case: wait PID for several jobs in order
### oracle: both
sh -c 'exit 1' & a=$!
sh -c 'exit 2' & b=$!
sh -c 'exit 3' & c=$!
wait $c; r3=$?
wait $a; r1=$?
wait $b; r2=$?
echo "$r1 $r2 $r3"
### stdout:
1 2 3
### status: 0
### end

### case: wait without arguments returns 0 even if jobs failed
### oracle: both
false &
sh -c 'exit 4' &
wait
echo $?
### stdout:
0
### status: 0
### end

### case: wait for a job that was killed by a signal
### oracle: both
sleep 10 &
p=$!
kill -TERM $p
wait $p
echo "status $?"
### stdout:
status 143
### status: 0
### end

### case: wait for a PID that is not a child returns 127
### oracle: both
wait 99999999 2>/dev/null
echo $?
### stdout:
127
### status: 0
### end

### case: $! is the pid of the last background job, usable by kill
### oracle: both
sleep 10 &
p=$!
kill -0 $p && echo alive
kill $p
wait $p 2>/dev/null
echo "status $?"
[ "$p" = "$!" ] && echo same
### stdout:
alive
status 143
same
### status: 0
### end

### case: background job variables do not leak
### oracle: both
x=1
x=2 &
{ x=3; } &
wait
echo $x
### stdout:
1
### status: 0
### end

### case: background subshell and group output collected in order with wait
### oracle: both
(echo a > fa) &
{ echo b > fb; } &
wait
cat fa fb
### stdout:
a
b
### status: 0
### end

### case: background pipeline
### oracle: both
seq 5 | sort -r | head -n 1 > f &
wait $!
cat f
### stdout:
5
### status: 0
### end

### case: background job status in $? is 0 at launch
### oracle: both
false &
echo $?
wait
### stdout:
0
### status: 0
### end

### case: stdin of a background job is /dev/null without job control (dash)
### oracle: dash
printf 'data\n' > f
{ cat & wait; } < f
echo end
### stdout:
end
### status: 0
### end

### case: stdin of a background job keeps a redirected stdin of the enclosing group (bash)
### weir-differs: POSIX: without job control a background job reads /dev/null
### oracle: bash
printf 'data\n' > f
{ cat & wait; } < f
echo end
### stdout:
data
end
### status: 0
### end

### case: wait -n returns the status of the next job to finish (bash)
### oracle: bash
sh -c 'sleep 3; exit 5' &
sleep 0.5 && sh -c 'exit 3' &
wait -n
echo "first $?"
wait -n
echo "second $?"
### stdout:
first 3
second 5
### status: 0
### end

### case: wait -n with no jobs returns 127 (bash)
### oracle: bash
wait -n
echo $?
### stdout:
127
### status: 0
### end

### case: wait waits for all jobs
### oracle: both
for i in 1 2 3 4 5; do (sleep 0.$i; echo $i >> log) & done
wait
sort log | tr '\n' ' '; echo
### stdout:
1 2 3 4 5 
### status: 0
### end

### case: many background jobs
### oracle: both
i=0
while [ $i -lt 30 ]; do (echo $i > out.$i) & i=$((i+1)); done
wait
cat out.* | wc -l | tr -d ' '
### stdout:
30
### status: 0
### end

### case: function run in the background
### oracle: both
f() { echo "in f $1" > out; return 4; }
f arg &
wait $!
echo "status $?"
cat out
### stdout:
status 4
in f arg
### status: 0
### end

### case: & separates commands in a list
### oracle: both
echo one > a & echo two
wait
cat a
### stdout:
two
one
### status: 0
### end

### case: exit status of a shell whose last command is backgrounded
### oracle: both
false &
### stdout:
### status: 0
### end

### case: jobs builtin lists running jobs (bash)
### oracle: bash
sleep 5 &
jobs | sed 's/ \{1,\}/ /g'
kill %1
wait 2>/dev/null
### stdout:
[1]+ Running sleep 5 &
### status: 0
### end

### case: kill %1 and wait %1 (bash)
### oracle: bash
# On one line: between two lines a script forgets a job that has ended (bash too), and
# whether sleep has ended by then is a race.
sleep 10 &
kill %1; wait %1
echo "status $?"
### stdout:
status 143
### status: 0
### end

### case: bg and fg fail without job control
### oracle: bash
sleep 0.1 &
bg %1 2>/dev/null; echo "bg: $?"
fg %1 2>/dev/null; echo "fg: $?"
wait
### stdout:
bg: 1
fg: 1
### status: 0
### end

### case: a job that ended stays a job until its command ends (bash)
### oracle: bash
{ sleep 10 & p=$!; kill %1
  while kill -0 $p 2>/dev/null; do :; done
  jobs; echo "listed"; wait %1; echo "wait %1 in the same command: $?"; }
{ sleep 10 & p=$!; kill %1
  while kill -0 $p 2>/dev/null; do :; done
  jobs; jobs; echo "listed once"; wait %1 2>/dev/null; echo "after the next jobs: $?"; }
sleep 10 & p=$!; kill %1
while kill -0 $p 2>/dev/null; do :; done
wait %1 2>/dev/null; echo "at the next command: $?"
sleep 10 & kill %1; /bin/sleep 0.2; wait %1 2>/dev/null; echo "after a foreground command: $?"
### stdout:
[1]+  Terminated              sleep 10
listed
wait %1 in the same command: 143
[1]+  Terminated              sleep 10
listed once
after the next jobs: 127
at the next command: 127
after a foreground command: 127
### status: 0
### end

### case: jobs in a script: the signal by name, -l in bash's columns (bash)
### oracle: bash
{ sh -c 'exit 3' & a=$!; sh -c 'exit 0' & b=$!; sleep 10 & p=$!; kill -KILL $p
  for q in $a $b $p; do while kill -0 $q 2>/dev/null; do :; done; done
  jobs -l > listing; }
# (Which finished job bash marks `-` is its own rule; the marker is left out.)
sed 's/^\(...\). *[0-9]\{1,\} /\1M PID /' listing
### stdout:
[1]M PID Exit 3                  sh -c 'exit 3'
[2]M PID Done                    sh -c 'exit 0'
[3]M PID Killed                  sleep 10
### status: 0
### end

### case: wait's statuses for what is not a job or not a child (bash)
### oracle: bash
wait %7 2>err; echo "no such job: $?"
wait nonsense 2>>err; echo "not a pid: $?"
sh -c 'echo $$' > pid; wait "$(cat pid)" 2>>err; echo "not a child: $?"
sed 's/^.*wait: /wait: /; s/pid [0-9]* is/pid N is/' err
### stdout:
no such job: 127
not a pid: 1
not a child: 127
wait: %7: no such job
wait: `nonsense': not a pid or valid job spec
wait: pid N is not a child of this shell
### status: 0
### end

### case: a script file keeps a job that exited for wait %N, and reports one a signal killed (bash)
### oracle: bash
cat > script <<'END'
(exit 3) & a=$!; (exit 4) & b=$!
while kill -0 $a 2>/dev/null || kill -0 $b 2>/dev/null; do :; done
/bin/true
wait %1; echo "first: $?"
wait %2; echo "second: $?"
sleep 10 & kill -KILL $!
/bin/sleep 0.2
wait %1 2>/dev/null; echo "killed: $?"
trap 'echo trapped' USR1
sh -c 'kill -USR1 $$' &
/bin/sleep 0.2
echo "a signal this shell traps is not reported"
END
"$0" script 2>&1 | sed 's/^[^:]*: line [0-9]*: *[0-9]* /line N: PID /'
### stdout:
first: 3
second: 4
line N: PID Killed                  sleep 10
killed: 127
a signal this shell traps is not reported
### status: 0
### end

### case: a script that starts over a thousand jobs without a foreground command between
### oracle: bash
i=0; while [ $i -lt 1100 ]; do (exit 3) & i=$((i + 1)); done
wait $!; echo "the last: $?"
wait; echo "all: $?"
echo "left: $(jobs | wc -l)"
### stdout:
the last: 3
all: 0
left: 0
### status: 0
### end
