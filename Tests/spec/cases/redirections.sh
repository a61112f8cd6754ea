# Redirections: every operator, order, noclobber, failures, persistence with exec.

### case: > creates and truncates, < reads
### oracle: both
echo first > f
echo second > f
cat < f
< f cat
### stdout:
second
second
### status: 0
### end

### case: >> appends and creates
### oracle: both
echo a >> g
echo b >> g
cat g
### stdout:
a
b
### status: 0
### end

### case: redirection may appear anywhere in the simple command
### oracle: both
> f echo one two
cat f
echo x > g y z
cat g
### stdout:
one two
x y z
### status: 0
### end

### case: redirection with no command creates or truncates the file
### oracle: both
echo data > f
> f
wc -c < f | tr -d ' '
> newfile
ls newfile
### stdout:
0
newfile
### status: 0
### end

### case: <> opens for reading and writing without truncating
### oracle: both
printf 'abcdef\n' > f
echo XY 1<> f
cat f
exec 3<> f
read line <&3
echo "read: $line"
### stdout:
XY
def
read: XY
### status: 0
### end

### case: <> creates a missing file
### oracle: both
: <> created
ls created
### stdout:
created
### status: 0
### end

### case: <& and >& duplicate descriptors
### oracle: both
echo to-err 2>/dev/null >&2
{ echo via-2 >&2; } 2>&1
echo data > f
exec 4< f
cat <&4
### stdout:
via-2
data
### status: 0
### end

### case: n<&- and n>&- close a descriptor
### oracle: both
echo out >&- 2>/dev/null; echo "status $?"
cat <&- 2>/dev/null; echo "cat status nonzero: $([ $? -ne 0 ] && echo yes)"
### stdout:
status 1
cat status nonzero: yes
### status: 0
### end

### case: n>&m- moves a descriptor (bash)
### oracle: bash
exec 5> f
exec 6>&5-
echo via-6 >&6
echo x >&5 2>/dev/null || echo "5 is closed"
cat f
### stdout:
5 is closed
via-6
### status: 0
### end

### case: &> and &>> send stdout and stderr to a file (bash)
### oracle: bash
{ echo out; echo err >&2; } &> f
{ echo out2; echo err2 >&2; } &>> f
cat f
### stdout:
out
err
out2
err2
### status: 0
### end

### case: {var}>file allocates a descriptor number >= 10 (bash)
### oracle: bash
exec {fd}> f
[ "$fd" -ge 10 ] && echo "fd ok"
echo hello >&$fd
exec {fd}>&-
cat f
### stdout:
fd ok
hello
### status: 0
### end

### case: 2>&1 >file versus >file 2>&1
### oracle: both
{ echo out; echo err >&2; } 2>&1 >f1 | sed 's/^/pipe: /'
echo "f1: $(cat f1)"
{ echo out; echo err >&2; } >f2 2>&1 | sed 's/^/pipe: /'
sort f2 | tr '\n' ' '; echo
### stdout:
pipe: err
f1: out
err out 
### status: 0
### end

### case: redirections are applied left to right
### oracle: both
echo x > a > b
echo "a=[$(cat a)] b=[$(cat b)]"
### stdout:
a=[] b=[x]
### status: 0
### end

### case: noclobber refuses to overwrite, >| forces (bash: status 1, dash: 2)
### oracle: bash
echo one > f
set -C
echo two > f 2>/dev/null; echo "status $?"
cat f
echo three >| f
cat f
echo four >> f
cat f
### stdout:
status 1
one
three
three
four
### status: 0
### end

### case: noclobber allows a new file and /dev/null
### oracle: both
set -C
echo new > fresh && cat fresh
echo x > /dev/null && echo devnull-ok
set +C
echo again > fresh && cat fresh
### stdout:
new
devnull-ok
again
### status: 0
### end

### case: noclobber via set -o noclobber
### oracle: both
echo one > f
set -o noclobber
(echo two > f) 2>/dev/null || echo refused
set +o noclobber
echo two > f && cat f
### stdout:
refused
two
### status: 0
### end

### case: input from a missing file fails with status 1 and skips the command (bash: status 1, dash: 2)
### oracle: bash
cat < nofile 2>/dev/null
echo "status $?"
echo skipped < nofile 2>/dev/null
echo "status $?"
### stdout:
status 1
status 1
### status: 0
### end

### case: output to a directory fails with status 1 (bash: status 1, dash: 2)
### oracle: bash
mkdir d
echo x > d 2>/dev/null
echo "status $?"
### stdout:
status 1
### status: 0
### end

### case: output into a missing directory fails (bash: status 1, dash: 2)
### oracle: bash
echo x > nodir/f 2>/dev/null
echo "status $?"
ls nodir 2>/dev/null || echo "nodir absent"
### stdout:
status 1
nodir absent
### status: 0
### end

### case: failed redirection message goes to stderr
### oracle: both
{ cat < nofile; } 2>&1 | grep -c nofile
### stdout:
1
### status: 0
### end

### case: redirection on a brace group
### oracle: both
{ echo one; echo two; } > f
cat f
{ read a; read b; } < f
echo "$b $a"
### stdout:
one
two
two one
### status: 0
### end

### case: redirection on a subshell, loop, if and case
### oracle: both
(echo sub) > f1
for i in 1 2; do echo $i; done > f2
if true; then echo iff; fi > f3
case a in a) echo cas;; esac > f4
cat f1 f2 f3 f4
while read l; do echo "line $l"; done < f2
### stdout:
sub
1
2
iff
cas
line 1
line 2
### status: 0
### end

### case: redirection on a function definition applies at each call
### oracle: both
f() { echo "call $1"; } > out
f 1
f 2
cat out
### stdout:
call 2
### status: 0
### end

### case: redirection on a function call
### oracle: both
f() { echo hello; echo oops >&2; }
f > out 2> err
cat out err
### stdout:
hello
oops
### status: 0
### end

### case: exec with only redirections is persistent
### oracle: both
(
  exec > f
  echo one
  echo two
)
cat f
### stdout:
one
two
### status: 0
### end

### case: exec redirecting stdout, then restoring it from a saved descriptor
### oracle: both
exec 3>&1
exec > f
echo into-file
exec 1>&3 3>&-
echo back
cat f
### stdout:
back
into-file
### status: 0
### end

### case: exec opens a descriptor for reading across commands
### oracle: both
printf 'l1\nl2\nl3\n' > f
exec 3< f
read a <&3
read b <&3
echo "$a $b"
cat <&3
exec 3<&-
### stdout:
l1 l2
l3
### status: 0
### end

### case: exec redirection persists into functions and subshells
### oracle: both
exec 4> f
w() { echo "from func" >&4; }
w
(echo "from subshell" >&4)
exec 4>&-
cat f
### stdout:
from func
from subshell
### status: 0
### end

### case: redirection of a builtin does not persist
### oracle: both
echo inside > f
echo outside
cat f
### stdout:
outside
inside
### status: 0
### end

### case: redirection target is expanded
### oracle: both
name="my file"
echo data > "$name"
cat "my file"
n=3
echo x > out$n
ls out3
### stdout:
data
out3
### status: 0
### end

### case: tilde and parameter expansion in redirection target
### oracle: both
HOME=$PWD
echo home > ~/h
cat h
d=.
cat < $d/h
### stdout:
home
home
### status: 0
### end

### case: ambiguous redirect (bash) fails with status 1
### weir-differs: POSIX 2.7: a script neither splits nor globs a redirection's word (dash, bash --posix); weir does both only at the prompt
### oracle: bash
name="a b"
echo x > $name
echo "status $?"
ls
### stdout:
status 1
### status: 0
### end

### case: numbered descriptor above 2 with a builtin
### oracle: both
{ echo on-3 >&3; } 3>&1
echo plain 3>/dev/null
### stdout:
on-3
plain
### status: 0
### end

### case: stderr to stdout for a single command
### oracle: both
sh -c 'echo err >&2' 2>&1 | sed 's/^/got: /'
### stdout:
got: err
### status: 0
### end

### case: swap stdout and stderr
### oracle: both
{ { echo out; echo err >&2; } 3>&1 1>&2 2>&3; } 2>/dev/null
### stdout:
err
### status: 0
### end

### case: redirecting to /dev/null discards
### oracle: both
echo gone > /dev/null
cat /dev/null
echo kept
### stdout:
kept
### status: 0
### end

### case: here-string feeds a word (bash)
### oracle: bash
cat <<< "hello world"
x=val
cat <<< $x
read a b <<< "one two three"
echo "$a|$b"
### stdout:
hello world
val
one|two three
### status: 0
### end

### case: here-string adds a trailing newline and is not split (bash)
### oracle: bash
v='a   b'
wc -c <<< "$v" | tr -d ' '
tr ' ' _ <<< $v
cat <<< ''| wc -l | tr -d ' '
### stdout:
6
a___b
1
### status: 0
### end

### case: redirection applies to while loop with read
### oracle: both
printf 'a b\nc d\n' > f
while read x y; do echo "$y-$x"; done < f
### stdout:
b-a
d-c
### status: 0
### end

### case: failing redirection on a compound command skips it (bash: status 1, dash: 2)
### oracle: bash
{ echo never; } < nofile 2>/dev/null
echo "status $?"
(echo never2) < nofile 2>/dev/null
echo "status $?"
### stdout:
status 1
status 1
### status: 0
### end

### case: failed redirection on a special builtin in non-interactive posix shell (dash exits)
### weir-differs: the status: weir exits 1 as bash in posix mode does, dash 2
### oracle: dash
: < nofile
echo "not reached"
### stdout:
### status: 2
### end

### case: failed redirection on a special builtin (bash continues)
### weir-differs: POSIX: a special builtin redirection error ends a non-interactive shell
### oracle: bash
: < nofile 2>/dev/null
echo "status $?"
### stdout:
status 1
### status: 0
### end

### case: redirection of stdin for an external command in a loop body
### oracle: both
printf '1\n2\n' > f
for i in a b; do cat < f | tr '\n' ' '; echo $i; done
### stdout:
1 2 a
1 2 b
### status: 0
### end

### case: >& with a file name redirects both (bash)
### oracle: bash
{ echo o; echo e >&2; } >& f
sort f
### stdout:
e
o
### status: 0
### end

### case: dup of a closed descriptor fails (bash: status 1, dash: 2)
### oracle: bash
echo x >&7 2>/dev/null
echo "status $?"
### stdout:
status 1
### status: 0
### end

### case: multiple redirections on one command
### oracle: both
echo in > i
cat < i > o 2> e
cat o
wc -c < e | tr -d ' '
### stdout:
in
0
### status: 0
### end

### case: unquoted redirection target with spaces is not split (dash)
### oracle: dash
name="my file"
echo data > $name
cat "my file"
### stdout:
data
### status: 0
### end

### case: a failed redirection gives a non-zero status and skips the command
### oracle: both
echo skipped < nofile 2>/dev/null || echo "failed"
{ echo never; } < nofile 2>/dev/null || echo "group failed"
(echo never) < nofile 2>/dev/null || echo "subshell failed"
mkdir d
echo x > d 2>/dev/null || echo "dir failed"
echo x >&7 2>/dev/null || echo "bad fd failed"
set -C; echo a > d/f; echo b > d/f 2>/dev/null || echo "clobber failed"
cat d/f
### stdout:
failed
group failed
subshell failed
dir failed
bad fd failed
clobber failed
a
### status: 0
### end

### case: a failed redirection on a simple command does not run it
### oracle: both
touch marker
rm marker < nofile 2>/dev/null
ls marker
### stdout:
marker
### status: 0
### end

### case: a script does not glob a redirection's word
### oracle: dash
touch infile1
cat < in* 2>/dev/null || echo "no file named in*"
### stdout:
no file named in*
### status: 0
### end

### case: descriptors 10 and above can be redirected
### oracle: bash
exec 10>out10
echo ten >&10
exec 10>&-
cat out10
{ echo twelve >&12; } 12>&1
### stdout:
ten
twelve
### status: 0
### end

### case: an expansion that fails in an external command's redirection fails that command alone
### oracle: bash
unset D
cat < ${D?unset} 2>/dev/null; echo "redirection word: $(( $? != 0 ))"
cat 2>/dev/null <<END
${D?unset}
END
echo "here-document: $(( $? != 0 ))"
f() { cat <<END; echo "the next command runs"
${D?unset}
END
}
f 2>/dev/null
(set -u; cat < $nosuch) 2>/dev/null; echo "set -u: $(( $? != 0 ))"
(echo x > ${D?unset}; echo "not reached after a builtin's") 2>/dev/null
echo "a builtin's ends the shell: $(( $? != 0 ))"
### stdout:
redirection word: 1
here-document: 1
the next command runs
set -u: 1
a builtin's ends the shell: 1
### status: 0
### end

### case: a here-string or here-document to a descriptor variable opens a new descriptor (bash)
### oracle: bash
exec {fd}<<< hi
echo "high: $((fd >= 10))"
cat <&$fd
{ echo in; } {abc}<<< walrus
cat <&$abc
exec {h}<<EOF
doc
EOF
sh -c "cat <&$h" 2>/dev/null || cat <&$h
read -r x < /dev/stdin <<< "stdin kept"; echo "$x"
### stdout:
high: 1
hi
in
walrus
doc
stdin kept
### status: 0
### end

### case: a descriptor variable that is readonly fails the command, builtin or program, and the script goes on (bash)
### oracle: bash
readonly r=1
true {r}<<< x; echo "builtin $?"
cat {r}<<< y; echo "here-string $?"
cat {r}>/dev/null </dev/null; echo "file $?"
ls {r}>&1 >/dev/null; echo "duplicate $?"
exec {big}<<< "$(head -c 100000 /dev/zero | tr '\0' a)"
wc -c <&$big | tr -d ' '
### stdout:
builtin 1
here-string 1
file 1
duplicate 1
100001
### status: 0
### end
