# Signal dispositions, by POSIX 2.11.

### case: SIGPIPE at its default ends the shell
### oracle: both
kill -s PIPE $$
echo survived
### stdout:
### status: 141
### end

### case: a signal ignored by trap '' stays ignored in subshells, substitutions and jobs
### oracle: both
trap '' USR1
(sh -c 'kill -USR1 $$; echo alive1')
x=$(sh -c 'kill -USR1 $$; echo alive2'); echo "$x"
sh -c 'kill -USR1 $$; echo alive3' & wait
(trap '' USR2; (sh -c 'kill -USR2 $$; echo alive4'))
### stdout:
alive1
alive2
alive3
alive4
### status: 0
### end

### case: a signal ignored on entry cannot be trapped
### oracle: bash
trap '' URG CONT
"$0" -c 'trap "echo urg" URG; trap "echo cont" CONT; kill -URG $$; kill -CONT $$; echo done'
### stdout:
done
### status: 0
### end

### case: a real-time signal and the highest one ignored on entry cannot be trapped either
### oracle: bash
trap '' RTMIN+2 RTMAX
"$0" -c 'trap "echo rt" RTMIN+2; trap "echo max" RTMAX; kill -s RTMIN+2 $$; kill -s RTMAX $$; echo done'
### stdout:
done
### status: 0
### end

### case: a background job that ended is reaped while builtins run
### oracle: both
sleep 0.1 &
while kill -0 $! 2>/dev/null; do :; done
echo gone
### stdout:
gone
### status: 0
### end

### case: wait ends with 128+N when a trapped signal comes, even between two children
### oracle: both
trap 'echo usr1' USR1
(sleep 0.1; kill -USR1 $$) &
sleep 2 &
wait
echo "wait: $?"
### stdout:
usr1
wait: 138
### status: 0
### end

### case: a child killed by a signal the shell traps is reported by name only
### oracle: bash
trap : USR2
sh -c 'kill -USR2 $$' 2>&1
sh -c 'kill -TERM $$' 2>&1
echo done
### stdout:
done
### status: 0
### end

### case: a script names a signal death in bash's columns, of a pipeline's last process only
### oracle: bash
{ sh -c 'kill -KILL $$'
  sh -c 'kill -USR1 $$' | cat
  : | sh -c 'kill -TERM $$'
  sh -c 'sleep 5' & kill -HUP $!; wait $!
  sleep 5 & kill $!; wait $!; echo "waited for TERM: $?" >&2
} 2>&1 | sed 's/^[^:]*: line [0-9]*: *[0-9]*/line N: PID/'
### stdout:
line N: PID Killed                  sh -c 'kill -KILL $$'
Terminated
line N: PID Hangup                  sh -c 'sleep 5'
waited for TERM: 143
### status: 0
### end

# weir reads a signal's inherited disposition when it first needs it, not all 64 at
# start-up (issue 17): after other signals were changed, in a subshell, and for a child.
### case: a signal ignored when a non-interactive shell starts stays ignored, whatever the shell changed before
### oracle: both
(trap '' USR1 HUP
 "$0" -c 'trap "echo term" TERM; kill -TERM $$
   trap "echo caught" USR1; kill -USR1 $$; echo survived
   (trap "echo sub" HUP; kill -HUP $$; echo subshell survived)
   sh -c "kill -USR1 \$\$; echo child survived"
   trap - TERM; trap "echo usr2" USR2; kill -USR2 $$; echo end')
### stdout:
term
survived
subshell survived
child survived
usr2
end
### status: 0
### end
