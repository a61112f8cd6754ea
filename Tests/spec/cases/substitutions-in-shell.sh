# Command substitutions of one builtin (echo, printf, pwd, true, false, :) run in the
# shell without a child (SubstitutionInShell); everything else runs in a child. Either
# way the results are a subshell's.

### case: output, status and trailing newlines
### oracle: bash
x=$(echo hi); echo "[$x] $?"
y=$(false); echo "false: $?"
z=$(printf '%s|%d\n' a 7 b 8); echo "[$z]"
w=$(printf %d abc 2>/dev/null); echo "printf: $? [$w]"
v=$(echo -n "  a  "); echo "[$v]"
n=$(printf 'a\n\n\n'); echo "[$n]"
t=$(:); echo "colon: $? [$t]"
### stdout:
[hi] 0
false: 1
[a|7
b|8]
printf: 1 [0]
[  a  ]
[a]
colon: 0 []
### status: 0
### end

### case: words that only read the shell's state
### oracle: bash
cd /tmp
p=$(pwd); echo "$p"
u=$(echo "${HOME:+set}" ${nosuch:-dflt} "${p#/}" ${#p} "${p/tmp/TMP}" "${p^^}"); echo "$u"
set -- a b c
echo "$(echo "$@" $#)"
### stdout:
/tmp
set dflt tmp 4 /TMP /TMP
a b c 3
### status: 0
### end

### case: a function or a disabled builtin is not the builtin
### oracle: bash
echo() { builtin echo "fn:$*"; }
a=$(echo x); builtin echo "$a"
unset -f echo
enable -n echo
PATH=/nonexistent
b=$(echo y 2>/dev/null); printf '%s\n' "status $? [$b]"
### stdout:
fn:x
status 127 []
### status: 0
### end

### case: expansions with effects stay in the subshell
### oracle: bash
i=0; x=$(echo ${j:=5} $((i += 1))); echo "i=$i j=${j-unset} x=$x"
exec 3>&1 >&-; f=$(echo closed); exec >&3; echo "[$f]"
set -u; g=$(echo $nosuch 2>/dev/null); echo "after: $? [$g]"
### stdout:
i=0 j=unset x=5 1
[closed]
after: 1 []
### status: 0
### end

### case: printf -v in a substitution assigns only there
### oracle: bash
v=old; x=$(printf -v v new; echo "$v"); echo "$x $v"
### stdout:
new old
### status: 0
### end

### case: parameters that are the subshell's own
### oracle: bash
x=$(echo "$BASH_COMMAND"); echo "[$x]"
### stdout:
[echo "$BASH_COMMAND"]
### status: 0
### end
