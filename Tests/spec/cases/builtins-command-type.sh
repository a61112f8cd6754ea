# command, type, alias, unalias, hash.

### case: command -v prints builtins, functions, keywords and paths
### oracle: both
f() { :; }
command -v echo
command -v f
command -v if
command -v cat | grep -c '/cat$'
command -v no_such_cmd_weir || echo "not found"
### stdout:
echo
f
if
1
not found
### status: 0
### end

### case: command -v prints an alias definition
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias ll='ls -l'
command -v ll
### stdout:
alias ll='ls -l'
### status: 0
### end

### case: command -V describes a command (bash)
### oracle: bash
f() { :; }
command -V echo
command -V f | head -n 1
command -V if
### stdout:
echo is a shell builtin
f is a function
if is a shell keyword
### status: 0
### end

### case: command -V describes a command (dash)
### weir-differs: bash's wording (`f is a function` and its text)
### oracle: dash
f() { :; }
command -V echo
command -V f
command -V if
### stdout:
echo is a shell builtin
f is a shell function
if is a shell keyword
### status: 0
### end

### case: command skips functions
### oracle: both
echo() { printf 'function echo\n'; }
echo hi
command echo real
ls() { printf 'function ls\n'; }
command ls -d .
### stdout:
function echo
real
.
### status: 0
### end

### case: command -p uses the default PATH
### oracle: both
PATH=/nonexistent
command -p ls -d . 
cat /dev/null 2>/dev/null || echo "cat not found with bad PATH"
### stdout:
.
cat not found with bad PATH
### status: 0
### end

### case: command on a special builtin removes its special properties
### oracle: dash
readonly R=1
command eval 'R=2' 2>/dev/null
[ $? -ne 0 ] && echo "eval failed"
command eval 'echo ${unset_variable?}' 2>/dev/null
[ $? -ne 0 ] && echo "eval failed again"
echo "still running"
### stdout:
eval failed
eval failed again
still running
### status: 0
### end

### case: command with a missing command fails with 127
### oracle: both
command no_such_cmd_weir 2>/dev/null
echo $?
### stdout:
127
### status: 0
### end

### case: type reports builtins, keywords, functions and files (bash)
### oracle: bash
f() { :; }
type echo
type if
type f | head -n 1
type cat | sed 's|/usr/bin/cat|PATH/cat|; s|/bin/cat|PATH/cat|'
### stdout:
echo is a shell builtin
if is a shell keyword
f is a function
cat is PATH/cat
### status: 0
### end

### case: type reports builtins, keywords, functions and files (dash)
### weir-differs: bash's wording (`f is a function` and its text)
### oracle: dash
f() { :; }
type echo
type if
type f
type cat | sed 's|/usr/bin/cat|PATH/cat|; s|/bin/cat|PATH/cat|'
### stdout:
echo is a shell builtin
if is a shell keyword
f is a shell function
cat is PATH/cat
### status: 0
### end

### case: type of an unknown command fails
### oracle: both
type no_such_cmd_weir >/dev/null 2>&1 || echo "failed"
### stdout:
failed
### status: 0
### end

### case: type -t prints one word (bash)
### oracle: bash
shopt -s expand_aliases
alias a1=echo
f() { :; }
mkdir bin; printf '#!/bin/sh\n' > bin/ext; chmod +x bin/ext; PATH=$PWD/bin:$PATH
for n in a1 f echo if ext nope; do printf '%s=%s\n' $n "$(type -t $n)"; done
### stdout:
a1=alias
f=function
echo=builtin
if=keyword
ext=file
nope=
### status: 0
### end

### case: type -a lists every match (bash)
### oracle: bash
mkdir b1 b2
printf '#!/bin/sh\n' > b1/echo; printf '#!/bin/sh\n' > b2/echo; chmod +x b1/echo b2/echo
OLDPATH=$PATH
PATH=$PWD/b1:$PWD/b2
type -a echo > out
PATH=$OLDPATH
sed "s|$PWD/||" out
### stdout:
echo is a shell builtin
echo is b1/echo
echo is b2/echo
### status: 0
### end

### case: type -p prints the path of a file only (bash)
### oracle: bash
mkdir bin; printf '#!/bin/sh\n' > bin/tool; chmod +x bin/tool
PATH=$PWD/bin:$PATH
type -p tool | sed "s|$PWD/||"
type -p echo
echo "status $?"
### stdout:
bin/tool
status 0
### status: 0
### end

### case: alias is expanded in a later line
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias greet='echo hello'
greet world
### stdout:
hello world
### status: 0
### end

### case: alias -p prints definitions as alias commands (bash)
### oracle: bash
alias a1='echo one' a2=ls
alias -p | grep -c '^alias a[12]='
alias -p | grep a1
### stdout:
2
alias a1='echo one'
### status: 0
### end

### case: alias prints definitions (dash)
### oracle: dash
alias a1='echo one' a2=ls
alias a1
alias | grep -c '^a[12]='
### stdout:
a1='echo one'
2
### status: 0
### end

### case: alias with a trailing space expands the next word too
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias run='echo ' word='expanded'
run word
### stdout:
expanded
### status: 0
### end

### case: alias is not expanded on the same line it is defined
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias now='echo now'; now 2>/dev/null || echo "not yet"
now
### stdout:
not yet
now
### status: 0
### end

### case: unalias removes an alias, -a removes all
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias x1='echo x1' x2='echo x2'
unalias x1
x1 2>/dev/null || echo "x1 gone"
x2
unalias -a
x2 2>/dev/null || echo "x2 gone"
### stdout:
x1 gone
x2
x2 gone
### status: 0
### end

### case: unalias of an unknown alias fails
### oracle: both
unalias no_such_alias 2>/dev/null
echo $?
### stdout:
1
### status: 0
### end

### case: quoted command names are not alias-expanded
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias ls='echo aliased'
\ls -d . 
'ls' -d .
ls -d .
### stdout:
.
.
aliased -d .
### status: 0
### end

### case: alias can contain several commands
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias two='echo one; echo two'
two
### stdout:
one
two
### status: 0
### end

### case: alias of an unknown name fails
### oracle: both
alias no_such_alias 2>/dev/null
echo $?
### stdout:
1
### status: 0
### end

### case: alias inside a function is expanded at definition time
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias say='echo before'
f() { say; }
alias say='echo after'
f
### stdout:
before
### status: 0
### end

### case: hash -r and then PATH lookup of a new command
### oracle: both
mkdir bin
PATH=$PWD/bin:$PATH
newcmd 2>/dev/null || echo "missing"
printf '#!/bin/sh\necho now-here\n' > bin/newcmd; chmod +x bin/newcmd
hash -r
newcmd
### stdout:
missing
now-here
### status: 0
### end

### case: aliases are not expanded in a non-interactive bash by default
### weir-differs: weir expands aliases in every shell, as POSIX says (bash needs expand_aliases)
### oracle: bash
alias greet='echo hello'
greet 2>/dev/null || echo "not expanded"
### stdout:
not expanded
### status: 0
### end

### case: type of an unknown command has status 1 (bash)
### oracle: bash
type no_such_cmd_weir 2>/dev/null
echo $?
command -v no_such_cmd_weir
echo $?
### stdout:
1
1
### status: 0
### end

### case: unalias then redefine, and unalias of several names
### oracle: both
shopt -s expand_aliases 2>/dev/null || true
alias a1='echo one' a2='echo two' a3='echo three'
unalias a1 a2
alias a1='echo new-one'
a1
a3
alias a2 2>/dev/null || echo "a2 removed"
### stdout:
new-one
three
a2 removed
### status: 0
### end

### case: unalias with no arguments is a usage error (bash)
### oracle: bash
unalias 2>/dev/null
[ $? -ne 0 ] && echo "usage error"
### stdout:
usage error
### status: 0
### end

### case: an alias that stands for a reserved word or an operator ends a list as one
### oracle: dash
alias t=then f2=fi lb='{ ' rb='}' s=';;'
eval 'if true; t echo then-ok; f2'
eval 'lb echo braces; rb'
eval 'case x in x) echo case-ok
s esac'
### stdout:
then-ok
braces
case-ok
### status: 0
### end

### case: aliases that end in a blank chain through every word
### oracle: dash
alias a='b ' b='c ' c='echo ' d=word n=' '
eval 'a d'
eval 'c n n d'
### stdout:
word
word
### status: 0
### end

### case: an alias that names itself or a cycle of aliases ends
### oracle: dash
alias x='x ' p=q q=p
eval 'x x; echo "x: $?"'
eval 'p; echo "p: $?"'
### stdout:
x: 127
p: 127
### status: 0
### end

### case: command -pv finds a utility with PATH empty
### oracle: both
PATH=
command -pv cat | sed 's|^/usr/bin/|/bin/|'
### stdout:
### status: 127
### end

### case: aliases that name each other end, and an alias to a reserved word or `{` is read as one
### oracle: dash
alias a=b
alias b=a
a 2>/dev/null; echo "cycle: $?"
alias myif='if' mythen='then' myfi='fi'
myif true; mythen echo reserved; myfi
alias lb='{' rb='}'
lb echo grouped; rb
### stdout:
cycle: 127
reserved
grouped
### status: 0
### end

### case: digits before a redirection operator are a descriptor, never an alias
### oracle: dash
alias 3=:
3>out3 echo written
echo "status $?"
### stdout:
written
status 0
### status: 0
### end

### case: type -ap of a function or builtin prints only files and succeeds (bash)
### oracle: bash
f() { :; }
type -ap f; echo "f $?"
type -ap cd; echo "cd $?"
type -ap nosuchcommandxyz; echo "none $?"
type -aP cd; echo "P $?"
### stdout:
f 0
cd 0
none 1
P 1
### status: 0
### end
