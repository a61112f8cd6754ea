# Line continuations (backslash-newline) are removed before the input is split into
# tokens (POSIX 2.2.1), except in single quotes, $'…', comments and quoted here-documents.

### case: a continuation joins the two halves of an operator
### oracle: both
true &\
& echo and
false |\
| echo or
echo a >\
> f; echo b >\
> f; cat f
### stdout:
and
or
a
b
### status: 0
### end

### case: a continuation inside a reserved word, a command name and a function name
### oracle: both
i\
f true; th\
en echo yes; f\
i
ec\
ho hi
f\
n() { echo fn; }; fn
for i i\
n 1 2; do echo $i; done
### stdout:
yes
hi
fn
1
2
### status: 0
### end

### case: a continuation after $ and inside ${ }
### oracle: both
x=5
echo $\
x "$\
x" $\
{x} ${\
x} ${#\
x}
y=abc; echo ${y\
#a}
### stdout:
5 5 5 5 1
bc
### status: 0
### end

### case: a continuation inside an assignment word
### oracle: both
a=1 b\
=2; echo $a $b
c\
=3; echo $c
### stdout:
1 2
3
### status: 0
### end

### case: a continuation inside a here-document operator and delimiter
### oracle: both
cat <\
<E
body1
E
cat <<E\
OF
body2
EOF
### stdout:
body1
body2
### status: 0
### end

### case: a continuation inside arithmetic and command substitutions
### oracle: both
echo $((1\
+2)) $(\
echo sub) `echo back\
quote`
### stdout:
3 sub backquote
### status: 0
### end

### case: a continuation is literal inside single quotes and $'…'
### oracle: bash
echo 'a\
b'
echo $'c\
d'
### stdout:
a\
b
c\
d
### status: 0
### end

### case: a backslash at the end of a comment does not continue it
### oracle: both
echo a # comment \
echo b
### stdout:
a
b
### status: 0
### end

### case: an escaped backslash before a newline is no continuation
### oracle: both
echo a\\
echo b
printf '%s\n' '\'\
c
### stdout:
a\
b
\c
### status: 0
### end

### case: an unquoted here-document joins continued lines before it looks for the delimiter
### oracle: both
cat <<E
x\
E
E
echo after
cat <<'Q'
y\
Q
### stdout:
xE
after
y\
### status: 0
### end

### case: a continuation inside double quotes and before a redirection's descriptor
### oracle: both
echo "a\
b"
echo hidden 2\
>/dev/null
### stdout:
ab
hidden
### status: 0
### end
