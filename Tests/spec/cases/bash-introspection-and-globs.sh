# LINENO in traps, SHELLOPTS/BASHOPTS, shopt names, GLOBIGNORE, globskipdots, and the
# trap inheritance rules of set -E / set -T.

### case: LINENO inside an ERR trap is the line of the failing command
### oracle: bash
trap 'echo "err at $LINENO"' ERR

false
f() {
  false
}
f
### stdout:
err at 3
err at 7
### status: 1
### end

### case: SHELLOPTS lists the set -o options that are on
### oracle: bash
echo "$SHELLOPTS"
set -o pipefail -u
echo "$SHELLOPTS"
### stdout:
braceexpand:hashall:interactive-comments
braceexpand:hashall:interactive-comments:nounset:pipefail
### status: 0
### end

### case: shopt accepts bash's option names
### oracle: bash
shopt -s progcomp hostcomplete checkwinsize; echo $?
shopt -q sourcepath && echo sourcepath on
shopt -u sourcepath; shopt -q sourcepath || echo sourcepath off
shopt -s no_such_option 2>/dev/null; echo $?
### stdout:
0
sourcepath on
sourcepath off
1
### status: 0
### end

### case: GLOBIGNORE removes matches and turns dotfiles on
### oracle: bash
touch 1.txt 10.txt .env a.log
GLOBIGNORE='?.txt'
echo *
GLOBIGNORE='*.txt:*.log'
echo *
GLOBIGNORE='*'
echo -*
unset GLOBIGNORE
echo *
### stdout:
.env 10.txt a.log
.env
-*
1.txt 10.txt a.log
### status: 0
### end

### case: without globskipdots a leading-dot pattern matches . and ..
### oracle: bash
touch .hidden visible
echo .*
shopt -u globskipdots
echo .*
echo *
### stdout:
.hidden
. .. .hidden
visible
### status: 0
### end

### case: set -E gives subshells and background jobs the ERR trap
### oracle: bash
trap 'echo err' ERR
( false; echo plain-sub )
set -E
( false; echo sub )
{ false; echo bg; } &
wait
### stdout:
plain-sub
err
sub
err
bg
### status: 0
### end

### case: functions do not inherit the RETURN trap without set -T
### oracle: bash
p() { echo "return trap"; }
trap p RETURN
f() { :; }
f
echo done
g() { trap 'echo "g returns"' RETURN; }
g
### stdout:
done
g returns
### status: 0
### end

### case: declare -F NAME prints the name, declare -A of nothing prints ()
### oracle: bash
f() { :; }
declare -F f
declare -F
declare -A A=()
declare -p A
### stdout:
f
declare -f f
declare -A A=()
### status: 0
### end

### case: array indices up to the largest 64-bit integer
### oracle: bash
a[0x7FFFFFFFFFFFFFFE]=b
a+=(c)
declare -p a
### stdout:
declare -a a=([9223372036854775806]="b" [9223372036854775807]="c")
### status: 0
### end

### case: appending to an array may read the array itself
### oracle: bash
a=(1 2)
a+=("${a[@]}" 3)
a+=([10]=x y)
declare -p a
for ((i = 0; i < 1000; i++)); do b+=($i); done
echo "${#b[@]} ${b[999]}"
### stdout:
declare -a a=([0]="1" [1]="2" [2]="1" [3]="2" [4]="3" [10]="x" [11]="y")
1000 999
### status: 0
### end

### case: FUNCNAME, BASH_SOURCE and BASH_LINENO in -c, with a sourced file
### oracle: bash
echo 'echo "sourced: ${FUNCNAME[*]} | ${BASH_LINENO[*]}"; f' > lib.sh
f() { echo "f: ${FUNCNAME[*]} | ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}"; }
echo "top: ${#FUNCNAME[@]} ${#BASH_SOURCE[@]} ${#BASH_LINENO[@]}"
g() { f; }
g
h() { . ./lib.sh; }
h
### stdout:
top: 0 0 0
f: f g | environment environment | 4 5
sourced: source h | 6 7
f: f source h | environment ./lib.sh environment | 1 6 7
### status: 0
### end

### case: FUNCNAME, BASH_SOURCE and BASH_LINENO in a script file
### oracle: bash
printf '%s\n' 'f() { echo "${FUNCNAME[*]} | ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}"; }' 'echo "top: ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}"' f > s.sh
"$0" s.sh
### stdout:
top: s.sh | 0
f main | s.sh s.sh | 3 0
### status: 0
### end

### case: subscripts with blanks in assignments, and associative keys as declare -p quotes them
### oracle: bash
a[ 1 ]=X; a[1 ]+=Y; i=2; a[ i + 1 ]=Z
declare -p a
declare -A A B C
A[ foo bar ]=1; B[plain]=2; C['$x']=3
declare -p A B C
a[5 + 3] 2>/dev/null; echo "status $?"
### stdout:
declare -a a=([1]="XY" [3]="Z")
declare -A A=([" foo bar "]="1" )
declare -A B=([plain]="2" )
declare -A C=(["\$x"]="3" )
status 127
### status: 0
### end

### case: a list cannot go to one array element; before a command an array literal is text
### oracle: bash
B=(1 2) env | grep '^B='
declare -p B 2>/dev/null || echo B unset
a=(1 2)
a[0]=(3 4); echo not reached
### stdout:
B=(1 2)
B unset
### status: 1
### end

### case: indirection through arrays with operators, unset names, and := through a reference
### oracle: bash
r=(v1); v1=value
echo "${!r[@]:2}" "${!r[@]:-e}" "${!r[@]@Q}"
z=zz; zz=
echo "${!z:=foo} $zz"
a=(x y z); echo "${!a[@]}"
unset u
echo "[${!u}]"
echo "status $?"
### stdout:
lue value 'value'
foo foo
0 1 2
status 1
### status: 0
### end

### case: @Q uses $'…' for control characters
### oracle: bash
s=$'a\tb\'c'; echo "${s@Q}"
t=$'x\001y'; echo "${t@Q}"
u="it's"; echo "${u@Q}"
### stdout:
$'a\tb\'c'
$'x\001y'
'it'\''s'
### status: 0
### end

### case: set and declare -p write control characters as $'…' so the text reads back
### oracle: bash
_ws=$'[\t\r\n]'
declare -p _ws
a=($'x\ty' q); declare -p a
set | grep '^_ws=' > saved
unset _ws
. ./saved
test "$_ws" = $'[\t\r\n]' && echo round-trip
### stdout:
declare -- _ws=$'[\t\r\n]'
declare -a a=([0]=$'x\ty' [1]="q")
round-trip
### status: 0
### end

### case: GLOBIGNORE splits at colons outside bracket expressions (bash)
### oracle: bash
touch _testing.py pyproject.toml 20231114.log .env 'has space.docx' 'a:b.txt'
GLOBIGNORE='[[:alnum:]]*'
echo *.*
GLOBIGNORE='*.py:[[:digit:]]*'
echo *.*
GLOBIGNORE='[]:]*:*.toml:[[:space:][:punct:]]*'
echo *.*
### stdout:
.env _testing.py
.env a:b.txt has space.docx pyproject.toml
20231114.log a:b.txt has space.docx
### status: 0
### end

### case: GLOBIGNORE with an unclosed bracket or a trailing backslash (bash)
### oracle: bash
touch 'a[b' 'c\d' x.txt
GLOBIGNORE='[ab:x*'; echo *
GLOBIGNORE='c\'; echo *
GLOBIGNORE='[[:alp'; echo *
### stdout:
a[b c\d x.txt
a[b c\d x.txt
a[b c\d x.txt
### status: 0
### end

### case: failglob drops the rest of the command line, in a function and a subshell too, and the script goes on (bash)
### oracle: bash
shopt -s failglob
echo *.ZZ; echo "same line: not reached"
echo "next line: status $?"
f() { echo in-f; for x in *.QQ; do echo "$x"; done; echo "after the loop: not reached"; }
f; echo "after f: not reached"
echo "status $?"
(echo *.ZZ; echo "in the subshell: not reached"); echo "after the subshell: $?"
### stdout:
next line: status 1
in-f
status 1
after the subshell: 1
### status: 0
### end
