# Executor: PATH search, hashing, environment of children, ENOEXEC, 126/127.

### case: external command found through PATH
### oracle: both
ls -d .
printf '%s\n' hello
### stdout:
.
hello
### status: 0
### end

### case: command by absolute and relative path
### oracle: both
mkdir bin
printf '#!/bin/sh\necho "run $0 $#"\n' > bin/tool
chmod +x bin/tool
./bin/tool a b
"$PWD"/bin/tool x | sed 's|^run .*/bin/tool|run ABS|'
### stdout:
run ./bin/tool 2
run ABS 1
### status: 0
### end

### case: PATH with a directory of our own, first match wins
### oracle: both
mkdir a b
printf '#!/bin/sh\necho from-a\n' > a/cmd
printf '#!/bin/sh\necho from-b\n' > b/cmd
chmod +x a/cmd b/cmd
PATH=$PWD/a:$PWD/b:$PATH
cmd
PATH=$PWD/b:$PWD/a:$PATH
cmd
### stdout:
from-a
from-b
### status: 0
### end

### case: PATH skips a non-executable file in an earlier directory
### oracle: both
mkdir a b
printf 'echo from-a\n' > a/cmd
printf '#!/bin/sh\necho from-b\n' > b/cmd
chmod +x b/cmd
PATH=$PWD/a:$PWD/b:$PATH
cmd
### stdout:
from-b
### status: 0
### end

### case: PATH skips a directory of the same name
### oracle: both
mkdir -p a/cmd b
printf '#!/bin/sh\necho from-b\n' > b/cmd
chmod +x b/cmd
PATH=$PWD/a:$PWD/b:$PATH
cmd
### stdout:
from-b
### status: 0
### end

### case: empty PATH element means the current directory
### oracle: both
printf '#!/bin/sh\necho here\n' > localcmd
chmod +x localcmd
PATH=/usr/bin:/bin:
localcmd
### stdout:
here
### status: 0
### end

### case: command name with a slash does not use PATH
### oracle: both
mkdir sub
printf '#!/bin/sh\necho sub-tool\n' > sub/t
chmod +x sub/t
PATH=/nonexistent
sub/t
echo $?
### stdout:
sub-tool
0
### status: 0
### end

### case: hash of a found command succeeds, unknown fails
### oracle: both
hash cat; echo $?
hash no_such_cmd_weir 2>/dev/null; echo $?
### stdout:
0
1
### status: 0
### end

### case: hashed path is kept until hash -r
### oracle: both
mkdir a b
printf '#!/bin/sh\necho from-b\n' > b/foo
chmod +x b/foo
PATH=$PWD/a:$PWD/b:/usr/bin:/bin
foo
printf '#!/bin/sh\necho from-a\n' > a/foo
chmod +x a/foo
foo
hash -r
foo
### stdout:
from-b
from-b
from-a
### status: 0
### end

### case: assigning PATH clears the hash table
### oracle: both
mkdir a b
printf '#!/bin/sh\necho from-b\n' > b/foo
chmod +x b/foo
PATH=$PWD/a:$PWD/b:/usr/bin:/bin
foo
printf '#!/bin/sh\necho from-a\n' > a/foo
chmod +x a/foo
PATH=$PATH
foo
### stdout:
from-b
from-a
### status: 0
### end

### case: hash -r empties the table, hash -t prints the path (bash)
### weir-differs: weir lists the hash table one path per line, as dash and osh do
### oracle: bash
mkdir b
printf '#!/bin/sh\necho foo\n' > b/foo
chmod +x b/foo
PATH=$PWD/b:/usr/bin:/bin
hash -r
hash
hash foo
hash -t foo | sed "s|$PWD|.|"
hash | sed 1d | sed "s/^ *[0-9]*\t//; s|$PWD|.|"
### stdout:
hash: hash table empty
./b/foo
./b/foo
### status: 0
### end

### case: hash lists remembered commands (dash)
### weir-differs: bash says `hash: hash table empty` for an empty table
### oracle: dash
mkdir b
printf '#!/bin/sh\necho foo\n' > b/foo
chmod +x b/foo
PATH=$PWD/b:/usr/bin:/bin
hash -r
hash
foo
hash | sed "s|$PWD|.|"
### stdout:
foo
./b/foo
### status: 0
### end

### case: a vanished hashed command is searched again (dash)
### weir-differs: bash without checkhash: the remembered path fails with 127
### oracle: dash
mkdir a b
printf '#!/bin/sh\necho from-a\n' > a/foo
printf '#!/bin/sh\necho from-b\n' > b/foo
chmod +x a/foo b/foo
PATH=$PWD/a:$PWD/b:/usr/bin:/bin
foo
rm a/foo
foo
### stdout:
from-a
from-b
### status: 0
### end

### case: a vanished hashed command fails with 127 (bash without checkhash)
### oracle: bash
mkdir a b
printf '#!/bin/sh\necho from-a\n' > a/foo
printf '#!/bin/sh\necho from-b\n' > b/foo
chmod +x a/foo b/foo
PATH=$PWD/a:$PWD/b:/usr/bin:/bin
foo
rm a/foo
foo
echo $?
### stdout:
from-a
127
### status: 0
### end

### case: prefix assignment is in the child environment only
### oracle: both
VAR=x sh -c 'echo "child: $VAR"'
echo "parent: ${VAR-unset}"
### stdout:
child: x
parent: unset
### status: 0
### end

### case: exported variable reaches children, plain one does not
### oracle: both
A=1; export B=2
sh -c 'echo "A=${A-unset} B=${B-unset}"'
export A
sh -c 'echo "A=${A-unset} B=${B-unset}"'
### stdout:
A=unset B=2
A=1 B=2
### status: 0
### end

### case: env of a child shows exported and prefix variables
### oracle: both
export WEIR_E1=one
WEIR_E2=two env | grep '^WEIR_E' | sort
env | grep -c '^WEIR_E2=' || echo none
### stdout:
WEIR_E1=one
WEIR_E2=two
0
none
### status: 0
### end

### case: export after assignment, and change after export
### oracle: both
X=1
export X
X=2
sh -c 'echo $X'
### stdout:
2
### status: 0
### end

### case: unset removes a variable from the environment
### oracle: both
export GONE=yes
unset GONE
env | grep -c '^GONE=' 
sh -c 'echo ${GONE-unset}'
### stdout:
0
unset
### status: 0
### end

### case: several prefix assignments for one command
### oracle: both
A=1 B="two words" C= sh -c 'echo "[$A] [$B] [$C] [${D-unset}]"'
### stdout:
[1] [two words] [] [unset]
### status: 0
### end

### case: prefix assignment overrides an exported value only for the command
### oracle: both
export V=outer
V=inner sh -c 'echo $V'
echo $V
### stdout:
inner
outer
### status: 0
### end

### case: script without #! is run by the shell (ENOEXEC)
### oracle: both
printf 'echo "script ran with $# args: $1 $2"\nexit 3\n' > script
chmod +x script
./script one two
echo "status $?"
### stdout:
script ran with 2 args: one two
status 3
### status: 0
### end

### case: ENOEXEC script sees exported variables but not plain ones
### oracle: both
printf 'echo "E=${E-unset} P=${P-unset}"\n' > script
chmod +x script
export E=exp; P=plain
./script
### stdout:
E=exp P=unset
### status: 0
### end

### case: ENOEXEC script found through PATH
### oracle: both
mkdir bin
printf 'echo found-via-path "$@"\n' > bin/nohashbang
chmod +x bin/nohashbang
PATH=$PWD/bin:$PATH
nohashbang x y
### stdout:
found-via-path x y
### status: 0
### end

### case: ENOEXEC script does not see the parent's functions
### oracle: both
f() { echo parent-f; }
printf 'f 2>/dev/null || echo no-f\n' > script
chmod +x script
./script
### stdout:
no-f
### status: 0
### end

### case: command not found gives 127
### oracle: both
no_such_command_weir_xyz
echo $?
no_such_command_weir_xyz 2>/dev/null || echo "failed $?"
### stdout:
127
failed 127
### status: 0
### end

### case: command not found prints a message to stderr
### oracle: both
no_such_command_weir_xyz 2>&1 >/dev/null | grep -c no_such_command_weir_xyz
### stdout:
1
### status: 0
### end

### case: missing file by path gives 127
### oracle: both
./nofile
echo $?
### stdout:
127
### status: 0
### end

### case: file without execute permission gives 126
### oracle: both
printf 'echo hi\n' > f
./f
echo $?
### stdout:
126
### status: 0
### end

### case: a directory as a command gives 126
### oracle: both
mkdir d
./d
echo $?
### stdout:
126
### status: 0
### end

### case: last command not found is the shell's exit status
### oracle: both
echo before
no_such_command_weir_xyz
### stdout:
before
### status: 127
### end

### case: non-executable file found only in PATH (bash: 126)
### oracle: bash
mkdir b
printf 'echo hi\n' > b/foo
PATH=$PWD/b:$PATH
foo
echo $?
### stdout:
126
### status: 0
### end

### case: exit status of a child killed by a signal is 128+n
### oracle: both
sh -c 'kill -9 $$'
echo $?
sh -c 'kill -TERM $$'
echo $?
### stdout:
137
143
### status: 0
### end

### case: exit status is taken modulo 256
### oracle: both
sh -c 'exit 300'
echo $?
sh -c 'exit 255'
echo $?
### stdout:
44
255
### status: 0
### end

### case: arguments reach the child exactly
### oracle: both
printf '[%s]\n' "a b" '' c "d  e" '*' "\$x"
### stdout:
[a b]
[]
[c]
[d  e]
[*]
[$x]
### status: 0
### end

### case: a script run by the shell itself ("$0 file") receives $0 and positional parameters
### oracle: both
printf 'echo "$#:$1:$2"\n' > s
"$0" s "x y" z
### stdout:
2:x y:z
### status: 0
### end

### case: an executable's status reaches $?
### oracle: both
false; echo $?
true; echo $?
sh -c 'exit 42'; echo $?
### stdout:
1
0
42
### status: 0
### end

### case: a PATH prefix assignment is used to find the command
### oracle: both
mkdir bin1 bin2
printf '#!/bin/sh\necho one\n' > bin1/tool
printf '#!/bin/sh\necho two\n' > bin2/tool
chmod +x bin1/tool bin2/tool
PATH="$PWD/bin1:$PATH" tool
PATH="$PWD/bin2:$PATH" tool
PATH="$PWD/bin2:$PATH" tool | cat
PATH=/nonexistent ls 2>/dev/null
echo $?
tool 2>/dev/null
echo $?
### stdout:
one
two
two
127
127
### status: 0
### end

### case: a function stage writing to a pipe whose reader left dies of SIGPIPE
### oracle: bash
f() { while :; do echo y; done; }
f | head -1
echo "${PIPESTATUS[@]}"
( while :; do echo z; done ) | head -1
echo "${PIPESTATUS[@]}"
### stdout:
y
141 0
z
141 0
### status: 0
### end

### case: a script named without a slash that is not in the current directory is found in PATH
### oracle: bash
mkdir bin sub
printf 'echo "ran $0 $1"\n' > bin/found-script
PATH=$PWD/bin:$PATH
cd sub && "$0" found-script arg
"$0" no-such-script-anywhere 2>/dev/null; echo "missing: $?"
### stdout:
ran found-script arg
missing: 127
### status: 0
### end

### case: BASHPID is the pid of the process that expands it
### oracle: bash
[ "$BASHPID" = "$$" ] && echo same
( [ "$BASHPID" != "$$" ] && echo differs in subshell )
### stdout:
same
differs in subshell
### status: 0
### end

### case: type and command -v name a file that is there but cannot run, when none can
### oracle: bash
mkdir d && printf 'echo hi\n' > d/noexec
PATH=$PWD/d:$PATH
command -v noexec | sed "s|$PWD|.|"
type noexec | sed "s|$PWD|.|"
noexec 2>/dev/null; echo "status $?"
### stdout:
./d/noexec
noexec is ./d/noexec
status 126
### status: 0
### end
