# POSIX parameter expansion operators.

### case: ${x:-w} and ${x-w} for unset, empty and set
### oracle: both
unset u; e=; s=val
echo "[${u:-d}] [${e:-d}] [${s:-d}]"
echo "[${u-d}] [${e-d}] [${s-d}]"
### stdout:
[d] [d] [val]
[d] [] [val]
### status: 0
### end

### case: ${x:=w} and ${x=w} assign
### oracle: both
unset u; e=
echo "[${u:=one}] [$u]"
echo "[${e=two}] [$e]"
echo "[${e:=three}] [$e]"
unset v; : ${v=four}; echo "$v"
### stdout:
[one] [one]
[] []
[three] [three]
four
### status: 0
### end

### case: ${x:=w} cannot assign to a positional parameter
### oracle: both
(set --; echo ${1:=x}) 2>/dev/null || echo "error"
### stdout:
error
### status: 0
### end

### case: ${x:?w} and ${x?w} fail with a message
### oracle: both
s=set; e=
echo "${s:?no}"
echo "${e?never}"
(echo "${e:?empty is an error}") 2>&1 | sed 's/.*: //'
(unset u; echo "${u?unset is an error}") 2>&1 | sed 's/.*: //'
### stdout:
set

empty is an error
unset is an error
### status: 0
### end

### case: ${x:?} failure in a non-interactive shell exits
### oracle: both
(echo before; : ${undefined_v:?gone}; echo not reached) 2>/dev/null
[ $? -ne 0 ] && echo "nonzero status"
### stdout:
before
nonzero status
### status: 0
### end

### case: ${x:?} failure in a non-interactive shell exits with status 127 (bash)
### weir-differs: weir exits with status 1, as POSIX allows (any non-zero) and dash/osh do
### oracle: bash
echo before
: ${undefined_v:?gone}
echo not reached
### stdout:
before
### status: 127
### end

### case: ${x:?} failure in a non-interactive shell exits with status 2 (dash)
### weir-differs: the status: weir exits 1 (POSIX asks only for non-zero)
### oracle: dash
echo before
: ${undefined_v:?gone}
echo not reached
### stdout:
before
### status: 2
### end

### case: ${x:+w} and ${x+w} alternate values
### oracle: both
unset u; e=; s=val
echo "[${u:+alt}] [${e:+alt}] [${s:+alt}]"
echo "[${u+alt}] [${e+alt}] [${s+alt}]"
### stdout:
[] [] [alt]
[] [alt] [alt]
### status: 0
### end

### case: ${#x} length
### oracle: both
x=hello; e=; unset u
echo ${#x} ${#e} ${#u}
y="a b  c"
echo ${#y}
set -- a b c
echo ${#}
### stdout:
5 0 0
6
3
### status: 0
### end

### case: ${x#p} and ${x##p} remove prefixes
### oracle: both
p=/usr/local/lib/file.tar.gz
echo ${p#*/}
echo ${p##*/}
echo ${p#/usr}
echo ${p#nomatch}
### stdout:
usr/local/lib/file.tar.gz
file.tar.gz
/local/lib/file.tar.gz
/usr/local/lib/file.tar.gz
### status: 0
### end

### case: ${x%p} and ${x%%p} remove suffixes
### oracle: both
f=file.tar.gz
echo ${f%.*}
echo ${f%%.*}
echo ${f%gz}
echo ${f%nomatch}
### stdout:
file.tar
file
file.tar.
file.tar.gz
### status: 0
### end

### case: remove patterns with brackets and ?
### oracle: both
x=abc123def
echo ${x#[a-c]} ${x##*[0-9]} ${x%???} ${x%%[0-9]*}
### stdout:
bc123def def abc123 abc
### status: 0
### end

### case: "${x:-"a b"}" keeps the inner quotes as one word
### oracle: both
unset u
set -- "${u:-"a b"}"
echo $#
printf '[%s]\n' "$1"
set -- ${u:-"a b"}
echo $#
set -- ${u:-a b}
echo $#
### stdout:
1
[a b]
1
2
### status: 0
### end

### case: quoted pattern in ${x#"*"} is literal
### oracle: both
x='*star'
echo "${x#"*"}"
echo "${x#*}"
y='a*b*c'
echo "${y%"*"*}"
echo "${y%\**}"
### stdout:
star
*star
a*b
a*b
### status: 0
### end

### case: pattern from a variable: quoted is literal, unquoted is a pattern
### oracle: both
x=abcabc
p='b*'
echo "${x%$p}" "${x%"$p"}"
y='ab*c'
echo "${y%"$p"}" "${y#a"b*"}"
### stdout:
abca abcabc
ab*c c
### status: 0
### end

### case: single quotes inside ${x:-'a'} within double quotes
### oracle: both
unset u
echo "${u:-'a'}"
echo ${u:-'a  b'}
### stdout:
'a'
a  b
### status: 0
### end

### case: word of ${x:-w} is expanded only when used
### oracle: both
s=set
{ echo ${s:-$(echo expanded >&2; echo x)}; } 2>&1
unset u
echo ${u:-$(echo used)}
n=0
: ${s:=$((n=5))}
echo $n
### stdout:
set
used
0
### status: 0
### end

### case: nested parameter expansions
### oracle: both
unset a b; c=deep
echo ${a:-${b:-$c}}
x=/path/to/file.txt
base=${x##*/}
echo ${base%.*}
### stdout:
deep
file
### status: 0
### end

### case: ${x} braces separate the name from following text
### oracle: both
x=ab
echo "${x}c" "$xc|"
### stdout:
abc |
### status: 0
### end

### case: operators on positional parameters
### oracle: both
set -- one "" 
echo "[${1:-d}] [${2:-d}] [${2-d}] [${3-d}] [${#1}]"
### stdout:
[one] [d] [] [d] [3]
### status: 0
### end

### case: ${@:-default} and ${*:-default}
### oracle: both
set --
echo "${@:-none}" "${*:-none2}"
set -- a
echo "${@:-none}"
### stdout:
none none2
a
### status: 0
### end

### case: unquoted expansion result of ${x:-w} is split and globbed
### oracle: both
touch f1 f2
unset u
set -- ${u:-f* two}
echo $# "$@"
### stdout:
3 f1 f2 two
### status: 0
### end

### case: ${x#} with special characters in the value
### oracle: both
x='a.b.c'
echo "${x%.*}" "${x#*.}"
y='[x]y'
echo "${y#\[x\]}"
### stdout:
a.b b.c
y
### status: 0
### end

### case: ${#} ${#@} ${#*} count parameters (bash; dash gives the length of $*)
### oracle: bash
set -- a bb ccc
echo ${#} ${#@} ${#*}
### stdout:
3 3 3
### status: 0
### end

### case: removal of the longest prefix with nested stars
### oracle: both
x=aXbXcX
echo ${x#*X} ${x##*X} ${x%X*} ${x%%X*}
### stdout:
bXcX aXbXc a
### status: 0
### end

### case: special parameters with operators
### oracle: both
false
echo "${?:-x}" "${#?}"
set -- a b
echo "${#:-z}"
### stdout:
1 1
2
### status: 0
### end

### case: ${x:-} with an empty word
### oracle: both
unset u
echo "[${u:-}]" "[${u-}]"
### stdout:
[] []
### status: 0
### end

### case: assignment operator result in an unquoted context
### oracle: both
unset v
set -- ${v:=a b c}
echo $# "$v"
### stdout:
3 a b c
### status: 0
### end

### case: bash substring and replacement expansions
### oracle: bash
x=hello-world
echo ${x:0:5} ${x:6} ${x: -3} ${x/o/0} ${x//o/0} ${x/#h/H} ${x/%d/D}
echo ${x^} ${x^^} ${x,,}
### stdout:
hello world rld hell0-world hell0-w0rld Hello-world hello-worlD
Hello-world HELLO-WORLD hello-world
### status: 0
### end

### case: bash indirect expansion and name prefixes
### oracle: bash
name=target; target=value
echo ${!name}
abc1=x abc2=y
echo ${!abc*}
### stdout:
value
abc1 abc2
### status: 0
### end

### case: ${x:?} message includes the word (stderr)
### oracle: both
(: ${nothing:?custom message here}) 2>&1 | grep -c 'custom message here'
### stdout:
1
### status: 0
### end

### case: ${x?} default message for unset mentions the name
### oracle: both
(: ${nothing_here?}) 2>&1 | grep -c 'nothing_here'
### stdout:
1
### status: 0
### end

### case: backslash escapes inside the operator word
### oracle: both
unset u
echo "${u:-a\}b}" ${u:-\$x} "${u:-\"q\"}"
### stdout:
a}b $x "q"
### status: 0
### end

### case: tilde in the operator word
### oracle: both
HOME=/hh
unset u
echo ${u:-~/x} ${u:-a~}
### stdout:
/hh/x a~
### status: 0
### end

### case: a brace in a parameter operand is a plain character
### oracle: both
unset X; Y='{a}'
echo ${X:-{a}b} "${X:-{a}b}" ${X:-a{b,c}d}
echo ${Y#{} ${Y%\}} ${X:-${Y}}
### stdout:
{ab} {ab} a{b,cd}
a} {a {a}
### status: 0
### end

### case: ${x@P} expands a prompt string
### oracle: bash
HOME=/home/someone; PWD=/home/someone/src/weir
x='\W \w \a\e\r|\1004|\555|$((1+2)) $(echo sub) \\'
printf '%s\n' "${x@P}" | od -An -c | tr -s ' '
y='\D{%Y}'; case ${y@P} in [0-9][0-9][0-9][0-9]) echo year ;; esac
back='\'; h='h'; z='$back$h'; echo "${z@P}"
### stdout:
 w e i r ~ / s r c / w e i r 
 \a 033 \r | @ 4 | m | 3 s u b \
 \n
year
\h
### status: 0
### end

### case: ${#-word} is $# with a default, ${#-} the length of $-
### oracle: both
set -- a b
echo ${#-""} ${#-x}
echo ${#?} ${#?oops}
case ${#-} in [0-9]*) echo length ;; esac
### stdout:
2 2
1 2
length
### status: 0
### end

### case: "${a[@]+…}" and "${@+…}" with nothing there make no word
### oracle: bash
show() { echo "$#"; }
a=()
show "${a[@]+${a[@]}}" "${a[@]:+x}" "${u[@]+x}"
set --
show "${@+x}"
a=(p q)
show "${a[@]+${a[@]}}"
### stdout:
0
0
2
### status: 0
### end

### case: substring offsets and lengths at the ends of the 64-bit range are clamped, not a crash
### oracle: bash
x=abc
echo "[${x:9223372036854775807}]"
echo "[${x: -9223372036854775808}]"
set -- a b
echo "[${@:9223372036854775807:2}]"
### stdout:
[]
[]
[]
### status: 0
### end

### case: the same ${x%pat} in a function follows extglob, the locale and a changing pattern
### oracle: bash
shopt -u extglob
f() { echo "${1%.*} ${1##*/} ${1/o/0} ${1%@(.gz|.bz2)}"; }
f /tmp/foo.tar.gz
shopt -s extglob
f /tmp/foo.tar.gz
for suf in .gz .tar.gz '' '*'; do x=/a/b.tar.gz; echo "[${x%%$suf}] [${x%"$suf"}] [${x#"${x%/*}"}]"; done
LC_ALL=C.UTF-8; y=aé; g() { echo "${#y} ${y%?}"; }; g; LC_ALL=C; g | od -An -c | tr -s ' '; LC_ALL=C.UTF-8; g
### stdout:
/tmp/foo.tar foo.tar.gz /tmp/f0o.tar.gz /tmp/foo.tar.gz
/tmp/foo.tar foo.tar.gz /tmp/f0o.tar.gz /tmp/foo.tar
[/a/b.tar] [/a/b.tar] [/b.tar.gz]
[/a/b] [/a/b] [/b.tar.gz]
[/a/b.tar.gz] [/a/b.tar.gz] [/b.tar.gz]
[] [/a/b.tar.gz] [/b.tar.gz]
2 a
 3 a 303 \n
2 a
### status: 0
### end

### case: ${!name@a} and ${!name@A} describe the variable name holds (bash)
### oracle: bash
a=(1 2); declare -A h=([k]=v); s=str; declare -i n=3
f() { echo "[${!1@a}]"; }
f a; f h; f s; f n; f nosuch
x=n; echo "${!x@A}"
### stdout:
[a]
[A]
[]
[i]
[]
declare -i n='3'
### status: 0
### end

### case: ${s:} is a bad substitution, ${s: } and ${s::2} are not (bash)
### oracle: bash
s=123
echo "${s: }|${s::2}"
("$0" -c 's=123; echo "${s:}"; echo not reached') 2>/dev/null
echo "status $?"
### stdout:
123|12
status 1
### status: 0
### end

### case: a conditional expression in a substring offset takes its own colon (bash)
### oracle: bash
s=abcdef n=3
echo "${s: n > 2 ? 1 : 0 : 2}"
echo "${s: n < 2 ? 1 : 4}"
echo "${s:(n>1?2:0)}"
echo "${s: 1 ? 0 ? 5 : 2 : 0 : 3}"
a=(x y z w)
echo "${a[@]: n == 3 ? 1 : 0 : 2}"
echo "${s:1:n?2:1}"
### stdout:
bc
ef
cdef
cde
y z
bc
### status: 0
### end

### case: unquoted $* with IFS empty and two empty parameters is not null for :- and :+ (it is where it becomes one string) (bash)
### oracle: bash
IFS=
set -- "" ""
printf '<%s>' ${*:-empty}; echo
printf '<%s>' "${*:-empty}"; echo
printf '<%s>' ${*:+set}; echo
x=${*:-empty}
echo "[$x]"
case ${*:-empty} in empty) echo case: empty ;; *) echo case: other ;; esac
set -- ""
printf '<%s>' ${*:-empty}; echo
### stdout:
<>
<empty>
<set>
[empty]
case: empty
<empty>
### status: 0
### end
