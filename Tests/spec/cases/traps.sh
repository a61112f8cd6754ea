# Traps and signals: trap, kill.

### case: EXIT trap runs at normal end
### oracle: both
trap 'echo bye' EXIT
echo main
### stdout:
main
bye
### status: 0
### end

### case: EXIT trap runs on exit N and keeps the status
### oracle: both
trap 'echo "exiting with $?"' EXIT
echo main
exit 3
echo never
### stdout:
main
exiting with 3
### status: 3
### end

### case: exit inside an EXIT trap changes the status
### oracle: both
trap 'exit 5' EXIT
exit 1
### stdout:
### status: 5
### end

### case: EXIT trap given as 0
### oracle: both
trap 'echo zero-trap' 0
true
### stdout:
zero-trap
### status: 0
### end

### case: EXIT trap runs after the last command failed
### oracle: both
trap 'echo "trap sees $?"' EXIT
false
### stdout:
trap sees 1
### status: 1
### end

### case: EXIT trap in a subshell runs when the subshell ends
### oracle: both
(trap 'echo sub-exit' EXIT; echo in-sub)
echo after
### stdout:
in-sub
sub-exit
after
### status: 0
### end

### case: traps are reset in subshells but trap -p still shows them (bash)
### oracle: bash
trap 'echo parent' USR1
(trap -p USR1; sh -c 'kill -USR1 $PPID'; echo alive) 2>/dev/null
echo end
### stdout:
trap -- 'echo parent' SIGUSR1
end
### status: 0
### end

### case: caught traps are reset to default in a subshell
### oracle: both
trap 'echo caught' USR1
(sh -c 'kill -USR1 $PPID'; echo "not reached")
echo "status $?"
kill -USR1 $$
echo end
### stdout:
status 138
caught
end
### status: 0
### end

### case: ignored signals stay ignored in a subshell
### oracle: both
trap '' USR1
(sh -c 'kill -USR1 $PPID'; echo survived)
echo end
### stdout:
survived
end
### status: 0
### end

### case: signal trap by name runs the handler
### oracle: both
trap 'echo got USR1' USR1
kill -USR1 $$
echo after
### stdout:
got USR1
after
### status: 0
### end

### case: signal trap with SIG prefix and by number
### oracle: both
trap 'echo got TERM' TERM
trap 'echo got USR2' 12
kill -TERM $$
kill -s USR2 $$
kill -12 $$
echo after
### stdout:
got TERM
got USR2
got USR2
after
### status: 0
### end

### case: trap - SIG restores the default action
### oracle: both
trap 'echo caught' USR1
kill -USR1 $$
trap - USR1
kill -USR1 $$
echo "not reached"
### stdout:
caught
### status: 138
### end

### case: trap '' ignores a signal
### oracle: both
trap '' TERM
kill -TERM $$
echo survived
### stdout:
survived
### status: 0
### end

### case: trap -p prints the traps in reusable form (bash)
### oracle: bash
trap 'echo hi' USR1
trap 'rm -f x' EXIT
trap -p USR1
trap -p
trap - EXIT
### stdout:
trap -- 'echo hi' SIGUSR1
trap -- 'rm -f x' EXIT
trap -- 'echo hi' SIGUSR1
### status: 0
### end

### case: trap with no arguments lists the traps (bash)
### oracle: bash
trap 'echo hi' USR1
trap '' USR2
trap
### stdout:
trap -- 'echo hi' SIGUSR1
trap -- '' SIGUSR2
### status: 0
### end

### case: trap with no arguments lists the traps (dash)
### weir-differs: bash's listing (`trap -- 'cmd' SIGINT`)
### oracle: dash
trap 'echo hi' USR1
trap '' USR2
trap
### stdout:
trap -- 'echo hi' USR1
trap -- '' USR2
### status: 0
### end

### case: trap output in $( ) can be evaluated again (bash)
### oracle: bash
trap 'echo "it is $x"' USR1
saved=$(trap)
trap - USR1
eval "$saved"
x=restored
kill -USR1 $$
### stdout:
it is restored
### status: 0
### end

### case: trap handler sees current variables and can change them
### oracle: both
n=0
trap 'n=$((n+1))' USR1
kill -USR1 $$
kill -USR1 $$
echo $n
### stdout:
2
### status: 0
### end

### case: $? is preserved across a trap handler
### oracle: both
trap 'false' USR1
true
kill -USR1 $$
echo $?
### stdout:
0
### status: 0
### end

### case: ERR trap runs when a command fails (bash)
### oracle: bash
trap 'echo "ERR at status $?"' ERR
false
true
sh -c 'exit 3'
echo end
### stdout:
ERR at status 1
ERR at status 3
end
### status: 0
### end

### case: ERR trap does not run in conditions (bash)
### oracle: bash
trap 'echo ERR' ERR
if false; then :; fi
false || true
! true
while false; do :; done
echo end
### stdout:
end
### status: 0
### end

### case: ERR trap is not inherited by functions without errtrace (bash)
### oracle: bash
trap 'echo ERR' ERR
f() { false; echo in-f; }
f
set -E
f
### stdout:
in-f
ERR
in-f
### status: 0
### end

### case: kill -l lists signal names
### oracle: both
kill -l | tr ' \t' '\n\n' | grep -c -x -e 'HUP' -e 'SIGHUP' -e 'INT' -e 'SIGINT'
### stdout:
2
### status: 0
### end

### case: kill -l with a number or a status prints the name
### oracle: both
kill -l 15
kill -l 9
kill -l 143
### stdout:
TERM
KILL
TERM
### status: 0
### end

### case: kill -l with a name prints the number (bash)
### oracle: bash
kill -l TERM
kill -l SIGUSR1
### stdout:
15
10
### status: 0
### end

### case: kill -l output (dash)
### weir-differs: bash's kill -l table
### oracle: dash
kill -l | head -n 3
### stdout:
0
HUP
INT
### status: 0
### end

### case: kill -l output (bash)
### oracle: bash
kill -l | head -n 2
### stdout:
 1) SIGHUP	 2) SIGINT	 3) SIGQUIT	 4) SIGILL	 5) SIGTRAP
 6) SIGABRT	 7) SIGBUS	 8) SIGFPE	 9) SIGKILL	10) SIGUSR1
### status: 0
### end

### case: kill -s TERM and kill -9 end a process
### oracle: both
sleep 10 &
p=$!
kill -s TERM $p
wait $p; echo $?
sleep 10 &
p=$!
kill -9 $p
wait $p; echo $?
sleep 10 &
p=$!
kill -KILL $p
wait $p; echo $?
### stdout:
143
137
137
### status: 0
### end

### case: kill with a bad pid or signal fails
### oracle: both
kill -s NOSUCHSIG $$ 2>/dev/null || echo "bad signal fails"
kill 99999999 2>/dev/null; echo $?
### stdout:
bad signal fails
1
### status: 0
### end

### case: kill -0 tests for existence
### oracle: both
kill -0 $$ && echo exists
### stdout:
exists
### status: 0
### end

### case: uncaught TERM ends the shell with 143
### oracle: both
kill -TERM $$
echo not reached
### stdout:
### status: 143
### end

### case: trap on EXIT set inside a function stays for the shell
### oracle: both
f() { trap 'echo from-f-trap' EXIT; }
f
echo main-end
### stdout:
main-end
from-f-trap
### status: 0
### end

### case: EXIT trap runs once even when exit is called in the trap
### oracle: both
trap 'echo trap; exit 2' EXIT
echo body
### stdout:
body
trap
### status: 2
### end

### case: signal in a sourced script runs the trap
### oracle: both
trap 'echo handled' HUP
printf 'kill -HUP $$\necho inside\n' > s
. ./s
echo outside
### stdout:
handled
inside
outside
### status: 0
### end

### case: trap resets when changing the handler
### oracle: both
trap 'echo one' USR1
trap 'echo two' USR1
kill -USR1 $$
### stdout:
two
### status: 0
### end

### case: multiple signals in one trap command
### oracle: both
trap 'echo caught' USR1 USR2 HUP
kill -USR1 $$; kill -USR2 $$; kill -HUP $$
### stdout:
caught
caught
caught
### status: 0
### end

### case: trap -l lists signals (bash)
### oracle: bash
trap -l | head -n 1
### stdout:
 1) SIGHUP	 2) SIGINT	 3) SIGQUIT	 4) SIGILL	 5) SIGTRAP
### status: 0
### end

### case: the DEBUG trap runs before each simple command with BASH_COMMAND and $?
### oracle: bash
trap 'echo "dbg [$BASH_COMMAND] $?"' DEBUG
echo hi
false
x=$((1+2))
[[ $x == 3 ]]
f() { echo in f; }
f
trap - DEBUG
echo "off $BASH_COMMAND"
### stdout:
dbg [echo hi] 0
hi
dbg [false] 0
dbg [x=$((1+2))] 1
dbg [[[ $x == 3 ]]] 0
dbg [f] 0
in f
dbg [trap - DEBUG] 0
off echo "off $BASH_COMMAND"
### status: 0
### end

### case: the DEBUG trap sees the command's LINENO and runs before case and for (( )) steps
### oracle: bash
trap 'echo "  [$LINENO]"' DEBUG
for (( i = 0; i < 2; i++ )); do
  echo i=$i
done
case x in
  x) echo matched ;;
esac
### stdout:
  [2]
  [2]
  [3]
i=0
  [2]
  [2]
  [3]
i=1
  [2]
  [2]
  [5]
  [6]
matched
### status: 0
### end

### case: trap with a number first resets every signal named
### oracle: both
trap 'echo int' INT
trap 'echo quit' QUIT
trap 2 QUIT
trap
### stdout:
### status: 0
### end

### case: trap lists the EXIT trap while it runs, and a trap set there never runs
### oracle: bash
(f() { echo in-trap; trap; trap 'echo never' EXIT; }; trap f EXIT; exit 3); echo "status $?"
### stdout:
in-trap
trap -- 'f' EXIT
status 3
### status: 0
### end

### case: shift past the end fails quietly and the script goes on
### oracle: bash
set -- a
shift 2; echo "status $?"
echo "still $#"
### stdout:
status 1
still 1
### status: 0
### end

### case: with set -T the DEBUG trap runs as a function is entered and again before ERR
### oracle: bash
set -ET
trap 'echo "DEBUG: $BASH_COMMAND ${BASH_LINENO[*]}"' DEBUG
trap 'echo "ERR: $BASH_COMMAND ${BASH_LINENO[*]}"' ERR
f() {
  true
  false
}
f || :
trap - DEBUG ERR
### stdout:
DEBUG: trap 'echo "ERR: $BASH_COMMAND ${BASH_LINENO[*]}"' ERR 
DEBUG: f 
DEBUG: f 8
DEBUG: true 8
DEBUG: false 8
DEBUG: : 
DEBUG: trap - DEBUG ERR 
### status: 0
### end

### case: BASH_COMMAND in an ERR or EXIT trap is the command that ran before it
### oracle: bash
trap 'echo "failed: $BASH_COMMAND"' ERR
trap 'echo "last: $BASH_COMMAND"' EXIT
false
true
### stdout:
failed: false
last: true
### status: 0
### end

### case: an ERR or DEBUG trap set inside a function stays set after it returns
### oracle: bash
f() { trap 'echo "err trap"' ERR; }
f
false
g() { trap - ERR; }
g
false
trap - ERR
h() { trap 'echo dbg' DEBUG; }
h
true
trap - DEBUG
### stdout:
err trap
err trap
dbg
dbg
### status: 0
### end

### case: exit in a function runs the EXIT trap with the function still on the stack
### oracle: bash
trap 'echo "in exit trap: ${FUNCNAME[*]}"' EXIT
f() { exit 3; }
f
### stdout:
in exit trap: f
### status: 3
### end

### case: the DEBUG trap runs inside other traps' actions, with BASH_COMMAND unchanged
### oracle: bash
f() { :; }
trap 'echo "D $LINENO [$BASH_COMMAND]"' DEBUG
trap 'echo in-usr1; : x' USR1
kill -USR1 $$
trap 'echo in-ret' RETURN
set -T
f
trap - DEBUG RETURN
### stdout:
D 3 [trap 'echo in-usr1; : x' USR1]
D 4 [kill -USR1 $$]
D 1 [kill -USR1 $$]
in-usr1
D 1 [kill -USR1 $$]
D 5 [trap 'echo in-ret' RETURN]
D 6 [set -T]
D 7 [f]
D 1 [f]
D 1 [:]
D 1 [:]
in-ret
D 8 [trap - DEBUG RETURN]
### status: 0
### end

### case: with set -T the DEBUG trap on entering a function is on the line the body starts
### oracle: bash
set -T
f()
{
  : a
}
trap 'echo "D $LINENO ${BASH_LINENO[0]-top}"' DEBUG
f
trap - DEBUG
### stdout:
D 7 top
D 3 7
D 4 7
D 8 top
### status: 0
### end

### case: a signal that comes during a command has its trap run before that command's ERR trap
### oracle: bash
trap 'echo ERR' ERR
trap 'echo TERM; exit 3' TERM
sh -c 'kill -TERM $PPID; exit 1'
echo not reached
### stdout:
TERM
### status: 3
### end

# dash is the oracle below: bash 5.2 sometimes never leaves this loop (about one run in five).
### case: a loop of nothing but continue still runs a trap when its signal comes
### oracle: dash
trap 'echo trapped; exit 7' USR1
(sleep 0.2; kill -USR1 $$) &
while continue; do continue; done
### stdout:
trapped
### status: 7
### end
