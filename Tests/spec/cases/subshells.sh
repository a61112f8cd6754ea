# Subshells and command substitution.

### case: variable changes in ( ) do not leak out
### oracle: both
x=1
(x=2; echo "inside $x")
echo "outside $x"
(unset x)
echo "still ${x-unset}"
### stdout:
inside 2
outside 1
still 1
### status: 0
### end

### case: cd, functions, options and traps in ( ) do not leak out
### oracle: both
mkdir sub
(cd sub; pwd | sed 's|.*/||')
pwd | sed 's|.*/||' | grep -c sub
(f() { echo f; }; f)
f 2>/dev/null || echo "no f"
(set -f; echo "$-" | grep -c f)
echo "$-" | grep -c f
### stdout:
sub
0
f
no f
1
0
### status: 1
### end

### case: exit in a subshell ends only the subshell
### oracle: both
(exit 3)
echo "status $?"
(echo before; exit 4; echo after)
echo "status $?"
### stdout:
status 3
before
status 4
### status: 0
### end

### case: subshell status is its last command's
### oracle: both
(true; false); echo $?
(false; true); echo $?
### stdout:
1
0
### status: 0
### end

### case: nested subshells
### oracle: both
x=0
(x=1; (x=2; echo $x); echo $x)
echo $x
( ( echo deep ) )
### stdout:
2
1
0
deep
### status: 0
### end

### case: $( ) does not leak variable changes
### oracle: both
x=1
y=$(x=2; echo $x)
echo "$x $y"
z=$(cd /; pwd)
pwd | grep -c '^/$'
### stdout:
1 2
0
### status: 1
### end

### case: backticks do not leak variable changes
### oracle: both
x=1
y=`x=2; echo $x`
echo "$x $y"
### stdout:
1 2
### status: 0
### end

### case: trailing newlines are removed, inner ones kept
### oracle: both
x=$(printf 'a\n\nb\n\n\n')
printf '[%s]\n' "$x"
y=`printf 'c\n\n'`
printf '[%s]\n' "$y"
### stdout:
[a

b]
[c]
### status: 0
### end

### case: leading newlines and spaces are kept in quotes
### oracle: both
x=$(printf '\n\n  a  ')
printf '[%s]\n' "$x"
### stdout:
[

  a  ]
### status: 0
### end

### case: $? after a command substitution assignment
### oracle: both
x=$(false); echo $?
x=$(true); echo $?
x=$(exit 7); echo $?
x=$(false) y=$(true); echo $?
### stdout:
1
0
7
0
### status: 0
### end

### case: $? of a command that has a failing substitution in its arguments
### oracle: both
echo "$(false)" >/dev/null; echo $?
### stdout:
0
### status: 0
### end

### case: nested command substitutions
### oracle: both
echo $(echo a $(echo b $(echo c)))
echo "$(echo "$(echo "x  y")")"
echo `echo outer \`echo inner\``
### stdout:
a b c
x  y
outer inner
### status: 0
### end

### case: quoting inside $( ) is independent of outside quotes
### oracle: both
echo "$(echo "inner quoted" 'single')"
x="$(printf '%s' "a   b")"
echo "$x"
echo "$(echo ")")"
echo "$(case a in a) echo paren-case;; esac)"
### stdout:
inner quoted single
a   b
)
paren-case
### status: 0
### end

### case: unquoted substitution is field split and globbed
### oracle: both
touch f1 f2
set -- $(echo "a  b   c")
echo $#
echo $(echo 'f*')
echo "$(echo 'f*')"
### stdout:
3
f1 f2
f*
### status: 0
### end

### case: backslashes inside backticks
### oracle: both
echo `echo '\$x'`
echo `echo \\\\`
x=val; echo `echo \$x`
### stdout:
$x
\
val
### status: 0
### end

### case: command substitution with comments containing a parenthesis
### oracle: both
x=$(
  # a comment with ) in it
  echo hi # trailing
)
echo "$x"
### stdout:
hi
### status: 0
### end

### case: command substitution reading stdin of the shell gets nothing
### oracle: both
x=$(cat)
echo "[$x]"
### stdout:
[]
### status: 0
### end

### case: stderr of a command substitution is not captured
### oracle: both
x=$(echo out; echo err >&2)
echo "[$x]"
x=$(echo out; echo err >&2) 2>/dev/null
y=$( { echo out; echo err >&2; } 2>&1 )
echo "$y" | wc -l | tr -d ' '
### stdout:
[out]
2
### status: 0
### end

### case: command substitution of a builtin and a function
### oracle: both
f() { echo "func $1"; }
echo "$(f arg)"
echo "$(pwd | sed 's|.*/||' | grep -c weir-spec)"
echo $(printf '%s-' a b c)
### stdout:
func arg
1
a-b-c-
### status: 0
### end

### case: large output through command substitution
### oracle: both
x=$(seq 50000)
echo "${#x}"
echo "$x" | tail -n 1
### stdout:
288893
50000
### status: 0
### end

### case: exit inside command substitution does not end the shell
### oracle: both
x=$(echo a; exit 3; echo b)
echo "$? $x"
### stdout:
3 a
### status: 0
### end

### case: subshell inherits variables and functions
### oracle: both
v=val
f() { echo "f sees $v"; }
(f; echo "sub sees $v")
echo "$(f)"
### stdout:
f sees val
sub sees val
f sees val
### status: 0
### end

### case: subshell output order with a group
### oracle: both
(echo 1; (echo 2); echo 3) | tr '\n' ' '
echo
### stdout:
1 2 3 
### status: 0
### end

### case: $(( )) versus $( ( ) ) spacing
### oracle: both
echo $( (echo sub) )
echo $((1+1))
### stdout:
sub
2
### status: 0
### end

### case: command substitution in an assignment is not split
### oracle: both
x=$(echo "a    b")
echo "$x"
y=$(printf 'l1\nl2')
echo "$y"
### stdout:
a    b
l1
l2
### status: 0
### end

### case: subshell does not see later parent changes
### oracle: both
x=1
(sleep 0; echo "sub $x") > out &
x=2
wait
cat out
### stdout:
sub 1
### status: 0
### end

### case: $(< file) reads a file, redirections inside command substitution (bash)
### oracle: bash
echo data > f
x=$(< f)
echo "$x"
y=$(cat < f; echo more)
echo "$y" | tr '\n' ' '; echo
### stdout:
data
data more 
### status: 0
### end

### case: command substitution with a case pattern parenthesis
### oracle: both
x=$(case b in (a) echo A;; (b) echo B;; esac)
echo $x
### stdout:
B
### status: 0
### end
