# : true false break continue return exit eval exec . source shift.

### case: colon expands its arguments and returns 0
### oracle: both
: ${x=assigned} $(echo ignored)
echo "$x $?"
false; :; echo $?
### stdout:
assigned 0
0
### status: 0
### end

### case: colon ignores redirection content but creates files
### oracle: both
: > created
ls created
: 'anything goes' "$undefined"
echo ok
### stdout:
created
ok
### status: 0
### end

### case: colon as a no-op in loops and conditions
### oracle: both
i=0
while :; do i=$((i+1)); [ $i -ge 3 ] && break; done
echo $i
if :; then echo true-branch; fi
### stdout:
3
true-branch
### status: 0
### end

### case: true and false statuses and arguments are ignored
### oracle: both
true ignored args; echo $?
false ignored args; echo $?
! false; echo $?
### stdout:
0
1
0
### status: 0
### end

### case: true and false as conditions
### oracle: both
if true; then echo t; fi
if false; then echo f; else echo not-f; fi
until false; do echo once; break; done
### stdout:
t
not-f
once
### status: 0
### end

### case: false as the last command gives exit status 1
### oracle: both
echo x
false
### stdout:
x
### status: 1
### end

### case: break leaves the innermost loop
### oracle: both
for i in 1 2 3; do
  for j in a b c; do
    [ $j = b ] && break
    echo "$i$j"
  done
done
### stdout:
1a
2a
3a
### status: 0
### end

### case: break N leaves N loops
### oracle: both
for i in 1 2 3; do
  for j in a b c; do
    [ $j = b ] && break 2
    echo "$i$j"
  done
done
echo "after $i"
### stdout:
1a
after 1
### status: 0
### end

### case: break in while and until loops
### oracle: both
n=0
while true; do n=$((n+1)); [ $n = 4 ] && break; done
until false; do n=$((n+1)); [ $n = 6 ] && break; done
echo $n
### stdout:
6
### status: 0
### end

### case: break larger than the loop depth leaves all loops
### oracle: both
for i in 1 2; do for j in 1 2; do break 5; done; echo no; done
echo "end $i"
### stdout:
end 1
### status: 0
### end

### case: continue skips to the next iteration
### oracle: both
for i in 1 2 3 4; do
  [ $i = 2 ] && continue
  echo $i
done
### stdout:
1
3
4
### status: 0
### end

### case: continue N continues an outer loop
### oracle: both
for i in 1 2; do
  for j in a b; do
    [ $j = a ] && continue 2
    echo "never $i$j"
  done
done
echo "i=$i"
### stdout:
i=2
### status: 0
### end

### case: continue in a while loop re-tests the condition
### oracle: both
i=0
while [ $i -lt 5 ]; do
  i=$((i+1))
  [ $((i % 2)) = 0 ] && continue
  printf '%s ' $i
done
echo
### stdout:
1 3 5 
### status: 0
### end

### case: return sets the function status
### oracle: both
f() { return 3; }
f; echo $?
g() { false; return; }
g; echo $?
h() { echo in-h; return 0; echo never; }
h; echo $?
### stdout:
3
1
in-h
0
### status: 0
### end

### case: return ends only the function
### oracle: both
f() { for i in 1 2 3; do [ $i = 2 ] && return 7; echo "loop $i"; done; }
f
echo "status $?"
### stdout:
loop 1
status 7
### status: 0
### end

### case: return from a sourced file
### oracle: both
printf 'echo start\nreturn 4\necho never\n' > s
. ./s
echo "status $?"
### stdout:
start
status 4
### status: 0
### end

### case: return values are taken modulo 256 (bash; dash keeps 257)
### oracle: bash
f() { return 257; }
f; echo $?
### stdout:
1
### status: 0
### end

### case: exit with a status
### oracle: both
echo before
exit 7
echo after
### stdout:
before
### status: 7
### end

### case: exit without argument uses the last status
### oracle: both
false
exit
### stdout:
### status: 1
### end

### case: exit in a function exits the shell
### oracle: both
f() { exit 9; }
f
echo never
### stdout:
### status: 9
### end

### case: exit status modulo 256
### oracle: both
exit 258
### stdout:
### status: 2
### end

### case: eval runs its arguments as a command
### oracle: both
eval 'x=1; echo "x is $x"'
cmd='echo a b'
eval $cmd
eval "echo \$x"
### stdout:
x is 1
a b
1
### status: 0
### end

### case: eval joins arguments with spaces
### oracle: both
eval echo one 'two  three'
### stdout:
one two three
### status: 0
### end

### case: eval status and empty eval
### oracle: both
eval false; echo $?
eval; echo $?
eval ''; echo $?
### stdout:
1
0
0
### status: 0
### end

### case: eval for indirect assignment
### oracle: both
name=target
eval "$name=value"
echo $target
eval "echo \${$name}"
### stdout:
value
value
### status: 0
### end

### case: eval with a syntax error fails
### oracle: both
(eval 'if then') 2>/dev/null || echo "syntax error"
### stdout:
syntax error
### status: 0
### end

### case: exec replaces the shell
### oracle: both
exec echo replaced
echo never
### stdout:
replaced
### status: 0
### end

### case: exec of a missing command exits with 127
### oracle: both
exec no_such_cmd_weir 2>/dev/null
echo never
### stdout:
### status: 127
### end

### case: exec in a subshell only replaces the subshell
### oracle: both
(exec echo sub)
echo parent
### stdout:
sub
parent
### status: 0
### end

### case: exec with redirections only keeps the shell
### oracle: both
exec 3>f
echo data >&3
exec 3>&-
cat f
### stdout:
data
### status: 0
### end

### case: exec passes the environment
### oracle: both
export EV=exported
exec sh -c 'echo $EV'
### stdout:
exported
### status: 0
### end

### case: dot runs a file in the current shell
### oracle: both
printf 'x=from-file\nf() { echo f-defined; }\n' > lib.sh
. ./lib.sh
echo $x
f
### stdout:
from-file
f-defined
### status: 0
### end

### case: dot with a missing file fails
### oracle: both
( . ./missing.sh ) 2>/dev/null || echo "failed"
### stdout:
failed
### status: 0
### end

### case: dot searches PATH for names without a slash
### oracle: both
mkdir lib
printf 'echo found-in-path\n' > lib/mylib.sh
PATH=$PWD/lib:$PATH
. mylib.sh
### stdout:
found-in-path
### status: 0
### end

### case: dot file status is the last command's
### oracle: both
printf 'false\n' > s
. ./s; echo $?
printf 'true\n' > s
. ./s; echo $?
: > empty
false
. ./empty; echo $?
### stdout:
1
0
0
### status: 0
### end

### case: source with arguments sets positional parameters (bash)
### oracle: bash
printf 'echo "$# $1 $2"\n' > s
set -- outer
source ./s a b
echo "$# $1"
### stdout:
2 a b
1 outer
### status: 0
### end

### case: source is a synonym of dot (bash)
### oracle: bash
printf 'v=sourced\n' > s
source s
echo $v
### stdout:
sourced
### status: 0
### end

### case: source finds a file in the current directory when not in PATH (bash)
### oracle: bash
printf 'echo from-cwd\n' > here.sh
PATH=/nonexistent
source here.sh
### stdout:
from-cwd
### status: 0
### end

### case: shift moves the positional parameters
### oracle: both
set -- a b c d
shift
echo "$*"
shift 2
echo "$*"
shift
echo "$# [$*]"
### stdout:
b c d
d
0 []
### status: 0
### end

### case: shift too far fails
### oracle: both
set -- a
(shift 2) 2>/dev/null
[ $? -ne 0 ] && echo "shift failed"
echo $#
### stdout:
shift failed
1
### status: 0
### end

### case: shift in a loop processes arguments
### oracle: both
set -- -a -b file
while [ $# -gt 0 ]; do echo "arg $1"; shift; done
### stdout:
arg -a
arg -b
arg file
### status: 0
### end

### case: shift 0 does nothing
### oracle: both
set -- x y
shift 0
echo "$#"
### stdout:
2
### status: 0
### end

### case: continue with an extra argument is an error that ends the shell
### oracle: bash
for i in a b; do continue 1 extra; done
echo "not reached $?"
### stdout:
### status: 1
### end
