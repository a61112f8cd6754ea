# Children the shell forks: a pipeline stage, a command substitution, a background job,
# a subshell. What runs in them runs whole; only their very last command may replace them.

### case: a function in a pipeline runs its whole body
### oracle: both
f() { /bin/echo one; echo two; /bin/echo three; }
f | cat
### stdout:
one
two
three
### status: 0
### end

### case: a function in a command substitution runs its whole body
### oracle: both
f() { /bin/echo one; echo two; }
x=$(f); echo "[$x]"
### stdout:
[one
two]
### status: 0
### end

### case: a function in the background returns its own status
### oracle: both
g() { /bin/true; return 3; }
g & wait $!; echo $?
### stdout:
3
### status: 0
### end

### case: a subshell in the background is one process: its trap runs
### oracle: both
# The subshell says when its trap is set; the signal comes while it waits for /bin/sleep.
(trap 'echo caught' USR1; : > ready; /bin/sleep 1) &
while [ ! -e ready ]; do sleep 0.01; done
kill -USR1 $!; wait $!; echo "status $?"
### stdout:
caught
status 0
### status: 0
### end

### case: the EXIT trap of a subshell runs after its last external command
### oracle: both
(trap 'echo bye' EXIT; /bin/echo last)
(trap 'echo bye2' EXIT; /bin/false); echo "status $?"
### stdout:
last
bye
bye2
status 1
### status: 0
### end

### case: a subshell's last command keeps its exit status
### oracle: both
(/bin/sh -c 'exit 7'); echo $?
x=$( (/bin/sh -c 'exit 5') ); echo $?
(exit 4) & wait $!; echo $?
### stdout:
7
5
4
### status: 0
### end
