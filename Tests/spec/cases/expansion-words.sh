# Word expansion: tilde, field splitting, pathname expansion, quote removal, "$@" and "$*".

### case: tilde expands to HOME
### oracle: both
HOME=/home/someone
echo ~ ~/dir
echo "~" '~' \~
x=~
echo $x
### stdout:
/home/someone /home/someone/dir
~ ~ ~
/home/someone
### status: 0
### end

### case: tilde only at the start of a word or after : in assignments
### oracle: both
HOME=/h
echo a~ ~b/x 2>/dev/null | sed 's|/[^ ]*/b/x|BHOME|'
PATHLIKE=~/bin:~/lib
echo $PATHLIKE
### stdout:
a~ ~b/x
/h/bin:/h/lib
### status: 0
### end

### case: tilde with a user name
### oracle: both
echo ~root | grep -c '^/'
echo ~no_such_user_weir
### stdout:
1
~no_such_user_weir
### status: 0
### end

### case: tilde in ${x:-~}
### oracle: both
HOME=/h
echo ${unset_v:-~}
echo "${unset_v:-~}"
### stdout:
/h
~
### status: 0
### end

### case: default IFS splits on space, tab and newline and drops empties
### oracle: both
x="  a   b	c
d  "
set -- $x
echo $#
printf '[%s]' "$@"; echo
### stdout:
4
[a][b][c][d]
### status: 0
### end

### case: custom IFS with a non-whitespace separator keeps empty fields
### oracle: both
IFS=:
x="a::b:"
set -- $x
echo $#
printf '[%s]' "$@"; echo
x=":a"
set -- $x
printf '[%s]' "$@"; echo
### stdout:
3
[a][][b]
[][a]
### status: 0
### end

### case: IFS mixing whitespace and non-whitespace
### oracle: both
IFS=' :'
x="  a : b  c:: d "
set -- $x
echo $#
printf '[%s]' "$@"; echo
### stdout:
5
[a][b][c][][d]
### status: 0
### end

### case: empty IFS does no splitting
### oracle: both
IFS=
x="a b  c"
set -- $x
echo $#
printf '[%s]' "$@"; echo
### stdout:
1
[a b  c]
### status: 0
### end

### case: unset IFS behaves as default
### oracle: both
unset IFS
x="a	b c"
set -- $x
echo $#
### stdout:
3
### status: 0
### end

### case: empty unquoted expansion produces no field
### oracle: both
e=
set -- $e
echo $#
set -- "$e"
echo $#
set -- $e$e "" $e
echo $#
### stdout:
0
1
1
### status: 0
### end

### case: splitting applies only to expansion results, not literal text
### oracle: both
IFS=x
v=axbxc
echo $v axbxc
printf '[%s]' $v; echo
### stdout:
a b c axbxc
[a][b][c]
### status: 0
### end

### case: IFS affects command substitution and arithmetic results
### oracle: both
IFS=1
set -- $(echo a1b) $((212))
printf '[%s]' "$@"; echo
### stdout:
[a][b][2][2]
### status: 0
### end

### case: pathname expansion is sorted
### oracle: both
touch c b a 10 9
echo *
### stdout:
10 9 a b c
### status: 0
### end

### case: no match leaves the pattern unchanged
### oracle: both
echo nomatch*
echo no?match "no[a]match"
### stdout:
nomatch*
no?match no[a]match
### status: 0
### end

### case: leading dot must be matched explicitly
### oracle: both
touch .hidden visible
echo *
echo .h*
### stdout:
visible
.hidden
### status: 0
### end

### case: character classes and ranges in patterns
### oracle: both
touch a1 a2 b1 c3 ab
echo [ab]1
echo [!a]*
echo [a-b]?
echo *[[:digit:]]
### stdout:
a1 b1
b1 c3
a1 a2 ab b1
a1 a2 b1 c3
### status: 0
### end

### case: patterns across directories
### oracle: both
mkdir -p d1/x d2/x d3
touch d1/x/f d2/x/g
echo d*/x/*
echo */
### stdout:
d1/x/f d2/x/g
d1/ d2/ d3/
### status: 0
### end

### case: quoted pattern characters are literal
### oracle: both
touch 'a*' ab
echo "a*"
echo a\*
echo 'a'*
### stdout:
a*
a*
a* ab
### status: 0
### end

### case: pattern from a variable is expanded unless quoted
### oracle: both
touch f1 f2
p='f*'
echo $p
echo "$p"
### stdout:
f1 f2
f*
### status: 0
### end

### case: slash must be matched explicitly
### oracle: both
mkdir d; touch d/f
echo d*f
echo d?f
### stdout:
d*f
d?f
### status: 0
### end

### case: quote removal of all kinds
### oracle: both
echo 'single' "double" \b\a\c\k "mi"x'ed'\!
echo "" '' | od -c | head -n 1 | sed 's/  */ /g'
### stdout:
single double back mixed!
0000000 \n
### status: 0
### end

### case: backslash inside double quotes
### oracle: both
printf '%s\n' "a\$b \`c\` \"d\" \\e \f"
echo "line\
joined"
### stdout:
a$b `c` "d" \e \f
linejoined
### status: 0
### end

### case: "$@" with zero parameters produces no words
### oracle: both
set --
printf '[%s]' "$@"; echo "count"
set -- "$@"
echo $#
### stdout:
[]count
0
### status: 0
### end

### case: "$@" keeps each parameter as one word
### oracle: both
set -- "a b" c "" "d  e"
printf '[%s]' "$@"; echo
for i in "$@"; do echo "<$i>"; done
### stdout:
[a b][c][][d  e]
<a b>
<c>
<>
<d  e>
### status: 0
### end

### case: "$*" joins with the first character of IFS
### oracle: both
set -- a "b c" d
echo "$*"
IFS=-
echo "$*"
IFS=
echo "$*"
### stdout:
a b c d
a-b c-d
ab cd
### status: 0
### end

### case: unquoted $@ and $* are split
### oracle: both
set -- "a b" c
printf '[%s]' $@; echo
printf '[%s]' $*; echo
### stdout:
[a][b][c]
[a][b][c]
### status: 0
### end

### case: "$@" inside other text
### oracle: both
set -- a "b c" d
printf '[%s]' "pre$@post"; echo
printf '[%s]' "x$*y"; echo
set --
printf '[%s]' "pre$@post"; echo
### stdout:
[prea][b c][dpost]
[xa b c dy]
[prepost]
### status: 0
### end

### case: "$@" with one parameter
### oracle: both
set -- "only one"
printf '[%s]' "$@" "$*"; echo
### stdout:
[only one][only one]
### status: 0
### end

### case: "${@}" and "${*}" forms
### oracle: both
set -- 1 "2 3"
printf '[%s]' "${@}"; echo
printf '[%s]' "${*}"; echo
### stdout:
[1][2 3]
[1 2 3]
### status: 0
### end

### case: $@ in for loop without in
### oracle: both
set -- x "y z"
for a; do echo "[$a]"; done
### stdout:
[x]
[y z]
### status: 0
### end

### case: expansion order: parameter result is not re-expanded
### oracle: both
a='$b'
b=value
echo $a "$a"
c='$(echo no)'
echo $c
### stdout:
$b $b
$(echo no)
### status: 0
### end

### case: pathname expansion happens after splitting
### oracle: both
touch x1 x2
v='x* nothing'
echo $v
### stdout:
x1 x2 nothing
### status: 0
### end

### case: brace expansion (bash)
### oracle: bash
echo a{b,c}d {1..3} {x,y}{1,2}
### stdout:
abd acd 1 2 3 x1 x2 y1 y2
### status: 0
### end

### case: braces are literal in dash
### weir-differs: weir has bash's brace expansion
### oracle: dash
echo a{b,c}d {1..3}
### stdout:
a{b,c}d {1..3}
### status: 0
### end

### case: $'...' ANSI-C quoting (bash)
### oracle: bash
echo $'a\tb\nc' $'\x41\101' $'it\'s'
### stdout:
a	b
c AA it's
### status: 0
### end

### case: double-quoted and single-quoted empty strings are kept as arguments
### oracle: both
set -- "" '' a
echo $#
### stdout:
3
### status: 0
### end

### case: unquoted $* is split again with a custom IFS
### oracle: both
IFS=,
set -- "a,b" c
set -- $*
echo $#
printf '[%s]' "$@"; echo
### stdout:
3
[a][b][c]
### status: 0
### end

### case: glob with bracket containing slash or dash
### oracle: both
touch a-b a_b
echo a[-_]b
echo a[_-]b
### stdout:
a-b a_b
a-b a_b
### status: 0
### end

### case: globbing does not happen in assignments
### oracle: both
touch g1 g2
v=g*
echo "$v"
### stdout:
g*
### status: 0
### end

### case: globbing in case patterns uses pattern matching, not files
### oracle: both
case hello in h*o) echo match1;; esac
case 'h*o' in "h*o") echo literal;; esac
case abc in *[b]*) echo bracket;; esac
### stdout:
match1
literal
bracket
### status: 0
### end

### case: [^...] negates a bracket expression (bash)
### oracle: bash
touch a1 b1
echo [^a]1
### stdout:
b1
### status: 0
### end

### case: .* does not match . and .. (bash 5.2 globskipdots)
### oracle: bash
touch .hidden
echo .*
### stdout:
.hidden
### status: 0
### end

### case: .* matches . and .. (dash)
### weir-differs: bash 5.2's globskipdots: .* does not match . and ..
### oracle: dash
touch .hidden
echo .*
### stdout:
. .. .hidden
### status: 0
### end

### case: unquoted $@ and $* with a first IFS character that is no blank keep an empty element between others (bash)
### oracle: bash
set -- one "" two
IFS=x
printf '<%s>' $@; echo
printf '<%s>' $*; echo
printf '<%s>' pre$@post; echo
set -- "" a ""
printf '<%s>' $@; echo
a=(1 "" 3)
printf '<%s>' ${a[@]}; echo
IFS=' x'
set -- one "" two
printf '<%s>' $@; echo
IFS=
printf '<%s>' $@; echo
### stdout:
<one><><two>
<one><><two>
<preone><><twopost>
<><a>
<1><><3>
<one><two>
<one><two>
### status: 0
### end

### case: a word that brace expansion starts with a tilde has the tilde expanded (bash)
### oracle: bash
HOME=/home/bob
echo {foo~,~}/bar {~,x} a{~,b} {~,~}"q"
for x in {~,/tmp}/y; do echo "$x"; done
a=({~,z}/w); echo "${a[@]}"
### stdout:
foo~/bar /home/bob/bar /home/bob x a~ ab ~q ~q
/home/bob/y
/tmp/y
/home/bob/w z/w
### status: 0
### end
