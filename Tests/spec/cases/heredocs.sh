# Here-documents and here-strings.

### case: basic here-document with expansion
### oracle: both
name=world
cat <<EOF
hello $name
sum $((1+2)) cmd $(echo sub)
EOF
### stdout:
hello world
sum 3 cmd sub
### status: 0
### end

### case: quoted delimiter disables expansion
### oracle: both
name=world
cat <<'EOF'
hello $name $(echo no) `echo no` \$ \\
EOF
cat <<"E2"
still $name
E2
cat <<\E3
and $name
E3
### stdout:
hello $name $(echo no) `echo no` \$ \\
still $name
and $name
### status: 0
### end

### case: partly quoted delimiter also disables expansion
### oracle: both
x=1
cat <<E"O"F
$x
EOF
### stdout:
$x
### status: 0
### end

### case: <<- strips leading tabs, not spaces
### oracle: both
printf 'cat <<-END\n\tone\n\t\ttwo\n  three\n\tEND\necho done\n' > s
. ./s
### stdout:
one
two
  three
done
### status: 0
### end

### case: <<- strips tabs in the script given to -c
### oracle: both
cat <<-END
	tabbed
		twice
	END
echo done
### stdout:
tabbed
twice
done
### status: 0
### end

### case: backslash rules in an unquoted here-document
### oracle: both
cat <<EOF
a\$b c\`d e\\f g\h "q" 'r'
line \
continued
EOF
### stdout:
a$b c`d e\f g\h "q" 'r'
line continued
### status: 0
### end

### case: double quotes are literal in a here-document
### oracle: both
x=v
cat <<EOF
"$x" '$x' "${x}"
EOF
### stdout:
"v" 'v' "v"
### status: 0
### end

### case: several here-documents on one line
### oracle: both
cat <<A; cat <<B
first
A
second
B
### stdout:
first
second
### status: 0
### end

### case: two here-documents for different descriptors
### oracle: both
{ cat; cat <&3; } <<A 3<<B
from-stdin
A
from-3
B
### stdout:
from-stdin
from-3
### status: 0
### end

### case: here-document in a pipeline and with a command after it
### oracle: both
cat <<EOF | tr a-z A-Z
shout
EOF
echo after
### stdout:
SHOUT
after
### status: 0
### end

### case: here-document feeding a loop
### oracle: both
while read a b; do
  echo "$b:$a"
done <<EOF
1 one
2 two
EOF
### stdout:
one:1
two:2
### status: 0
### end

### case: here-document inside a function body expands at call time
### oracle: both
f() {
  cat <<EOF
value=$v
EOF
}
v=1; f
v=2; f
### stdout:
value=1
value=2
### status: 0
### end

### case: empty here-document
### oracle: both
cat <<EOF
EOF
echo "[$(cat <<EOF
EOF
)]"
### stdout:
[]
### status: 0
### end

### case: here-document inside command substitution
### oracle: both
x=$(cat <<EOF
inside
EOF
)
echo "got $x"
### stdout:
got inside
### status: 0
### end

### case: delimiter must be alone on its line
### oracle: both
cat <<EOF
EOF not yet
 EOF
EOFX
EOF
### stdout:
EOF not yet
 EOF
EOFX
### status: 0
### end

### case: large here-document of 200000 lines generated into a file
### oracle: both
{
  echo 'cat <<EOF | wc -l'
  i=0
  while [ $i -lt 200000 ]; do echo "line $i"; i=$((i+1)); done
  echo EOF
} > gen.sh
wc -l < gen.sh | tr -d ' '
. ./gen.sh | tr -d ' '
### stdout:
200002
200000
### status: 0
### end

### case: large here-document read back by the running shell
### oracle: both
seq 200000 | sed 's/^/x /' > body
{ echo 'wc -l <<EOF'; cat body; echo EOF; } > gen.sh
. ./gen.sh | tr -d ' '
### stdout:
200000
### status: 0
### end

### case: here-document with a variable holding many lines
### oracle: both
v=$(seq 5)
cat <<EOF | wc -l | tr -d ' '
$v
EOF
### stdout:
5
### status: 0
### end

### case: here-document with a quoted delimiter keeps backslash-newline
### oracle: both
cat <<'EOF'
a \
b
EOF
### stdout:
a \
b
### status: 0
### end

### case: here-string with expansion and quoting (bash)
### oracle: bash
a=1
cat <<< "a=$a $(echo x)"
cat <<< 'no $a'
cat <<< $'tab\there'
### stdout:
a=1 x
no $a
tab	here
### status: 0
### end

### case: here-string into read and into a loop (bash)
### oracle: bash
IFS=: read -r x y z <<< "p:q:r"
echo "$z$y$x"
while read n; do echo "[$n]"; done <<< "$(printf '1\n2')"
### stdout:
rqp
[1]
[2]
### status: 0
### end

### case: here-string does not do pathname expansion or splitting (bash)
### oracle: bash
touch a1 a2
cat <<< a*
x='  spaced  out  '
cat <<< $x
### stdout:
a*
  spaced  out  
### status: 0
### end

### case: here-document with tabs stripped in a script nested in if
### oracle: both
printf 'if true; then\n\tcat <<-X\n\t\tindented\n\tX\nfi\n' > s
. ./s
### stdout:
indented
### status: 0
### end

### case: arithmetic and nested quotes in here-document
### oracle: both
n=4
cat <<EOF
$(( n * n )) ${n:+"set"} $(echo "a  b")
EOF
### stdout:
16 set a  b
### status: 0
### end

### case: here-document after a command with other words on later lines
### oracle: both
cat <<EOF && echo "after ok"
body
EOF
### stdout:
body
after ok
### status: 0
### end

### case: a syntax error in a here-document's substitution fails when it is expanded (bash)
### oracle: bash
# bash reads a here-document's expansions when the redirection runs: the script
# parses, that one command fails with status 1, and the script goes on.
echo start
cat <<END
before $(if) after
END
echo "status=$?"
f() { cat <<END
in f $(fi)
END
}
echo defined
f
echo "f=$?"
### stdout:
start
status=1
defined
f=1
### status: 0
### end

### case: a backslash-quote in backquotes in a here-document stays
### oracle: bash
cat <<EOF
`echo '\"'`
EOF
### stdout:
\"
### status: 0
### end
