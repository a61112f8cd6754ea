# What an error does to a non-interactive shell (POSIX 2.8.1): a syntax error, a special
# builtin's error, a variable assignment error and an expansion error end it; a failed
# utility, a redirection on a compound command or a function, and a missing command do
# not. dash is the oracle where bash, outside its posix mode, goes on.

### case: continue, eval '' and eval of a newline leave status 0
### oracle: both
for i in 1; do false; continue; done; echo "continue: $?"
false; eval ''; echo "eval empty: $?"
false; eval '
'; echo "eval newline: $?"
### stdout:
continue: 0
eval empty: 0
eval newline: 0
### status: 0
### end

### case: exit and return in a trap action use the status from before the trap
### oracle: both
trap 'exit' USR1
(false; kill -USR1 $$ 2>/dev/null; sh -c 'kill -USR1 $PPID'; :) ; echo "after: $?"
f() { trap 'return' USR2; false; kill -USR2 $$; echo not reached; }
(f; echo "f: $?")
### stdout:
### status: 138
### end

### case: the EXIT trap of a subshell keeps the status of exit
### oracle: both
(trap 'echo in-trap' EXIT; exit 42); echo "status $?"
### stdout:
in-trap
status 42
### status: 0
### end

### case: a syntax error in eval ends the shell
### oracle: dash
(eval 'if'; echo not reached) 2>/dev/null
echo "ended with $?"
### stdout:
ended with 2
### status: 0
### end

### case: command eval makes a syntax error an ordinary failure
### oracle: both
command eval 'if' 2>/dev/null
echo "status $?"
### stdout:
status 2
### status: 0
### end

### case: export or readonly of a readonly name ends the shell
### oracle: dash
readonly r=1
(export r=2; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "export ended it"
(readonly r=2; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "readonly ended it"
### stdout:
export ended it
readonly ended it
### status: 0
### end

### case: a prefix assignment to a readonly variable ends the shell
### oracle: dash
readonly a=1
(a=b true; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "true ended it"
(a=b /bin/echo x; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "a program ended it"
f() { :; }
(a=b f; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "a function ended it"
### stdout:
true ended it
a program ended it
a function ended it
### status: 0
### end

### case: a for loop over a readonly variable ends the shell
### oracle: dash
readonly r=1
(for r in 2; do echo not reached; done; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "ended"
### stdout:
ended
### status: 0
### end

### case: a failed utility and a missing command do not end the shell
### oracle: both
read x < /dev/null; echo "read: $?"
nonexistent-command 2>/dev/null; echo "missing: $?"
### stdout:
read: 1
missing: 127
### status: 0
### end

### case: a failed redirection on a compound command or a function does not end the shell
### oracle: both
{ echo x; } > /nonexistent/f 2>/dev/null; [ $? -ne 0 ] && echo "group failed"
f() { echo x; }; f > /nonexistent/f 2>/dev/null; [ $? -ne 0 ] && echo "function failed"
echo "still here"
### stdout:
group failed
function failed
still here
### status: 0
### end

### case: a failed redirection on a special builtin ends the shell
### oracle: dash
(: > /nonexistent/f; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "ended"
### stdout:
ended
### status: 0
### end

### case: an expansion error ends the shell
### oracle: dash
(echo ${unset_variable?is not set}; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "ended"
### stdout:
ended
### status: 0
### end

### case: run under the name bash, messages take bash's form (FILE: line N: message)
### oracle: bash
ln -s "$(command -v "$0")" bash
printf 'true\nnosuch_command_x\n' > s.sh
printf 'f() {\n  echo\n' > e.sh
printf 'echo )\n' > t.sh
./bash s.sh 2>&1
./bash e.sh 2>&1
./bash t.sh 2>&1; echo "status $?"
### stdout:
s.sh: line 2: nosuch_command_x: command not found
e.sh: line 3: syntax error: unexpected end of file
t.sh: line 1: syntax error near unexpected token `)'
t.sh: line 1: `echo )'
status 2
### status: 0
### end
