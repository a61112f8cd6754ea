# complete, compgen and compopt (bash's programmable completion), run as commands.

### case: compgen -W filters the word list by the word, after expansion
### oracle: bash
x='banana apricot'
compgen -W 'apple $x "a b"
  avocado' -- a
echo "status $?"
compgen -W 'one two' -- z
echo "status $?"
### stdout:
apple
apricot
a b
avocado
status 0
status 1
### status: 0
### end

### case: compgen actions, -X filters, -P and -S decorate
### oracle: bash
f_one() { :; }; f_two() { :; }; alias al_x=ls
compgen -A function f_
compgen -a al_
compgen -k whi
compgen -b compg
compgen -X '*a*' -W 'aa bb cc'
compgen -X '!*a*' -W 'aa bb cc'
compgen -P '<' -S '>' -W 'x y'
myvar_one=1 myvar_two=2
compgen -v myvar_
compgen -A shopt extg
compgen -A setopt pipe
### stdout:
f_one
f_two
al_x
while
compgen
bb
cc
aa
<x>
<y>
myvar_one
myvar_two
extglob
pipefail
### status: 0
### end

### case: compgen -f and -d take file names from the word's directory
### oracle: bash
mkdir -p cgt/sub && touch cgt/file1 cgt/file2 cgt/.hidden
compgen -f cgt/f | sort
compgen -d cgt/
compgen -f cgt/. | sort
compgen -G 'cgt/file*' | sort
### stdout:
cgt/file1
cgt/file2
cgt/sub
cgt/.
cgt/..
cgt/.hidden
cgt/file1
cgt/file2
### status: 0
### end

### case: complete defines, prints and removes specifications
### oracle: bash
complete -o nospace -o filenames -W 'a b' -P pre -X '!*.x' -F fn foo bar
complete -p foo
complete -D -F dflt
complete -E -W x
complete -p
complete -r foo
complete -p foo
echo "status $?"
complete -r
complete -p | wc -l
### stdout:
complete -o filenames -o nospace -W 'a b' -P 'pre' -X '!*.x' -F fn foo
complete -o filenames -o nospace -W 'a b' -P 'pre' -X '!*.x' -F fn foo
complete -o filenames -o nospace -W 'a b' -P 'pre' -X '!*.x' -F fn bar
complete -F dflt -D
complete -W 'x' -E
status 1
0
### status: 0
### end

### case: compopt outside a completion changes named specifications only
### oracle: bash
complete -W 'a' foo
compopt -o nospace foo
complete -p foo
compopt +o nospace -o default foo
complete -p foo
compopt -o nospace 2>/dev/null
echo "status $?"
compopt -o bogus foo 2>/dev/null
echo "status $?"
### stdout:
complete -o nospace -W 'a' foo
complete -o default -W 'a' foo
status 1
status 2
### status: 0
### end

### case: a function's local, unset from a function it calls, shows the outer variable
### oracle: bash
inner() { unset -v x; x=set-by-inner; }
mid() { local x=mid; inner; echo "mid sees [$x]"; }
outer() { local x=outer; mid; echo "outer sees [$x]"; }
outer
same() { local y=1; unset y; y=2; }
y=global; same; echo "global y=[$y]"
### stdout:
mid sees [set-by-inner]
outer sees [set-by-inner]
global y=[global]
### status: 0
### end

### case: quoted characters inside a bracket of =~ are members, not escapes
### oracle: bash
line='  -A, --catenate, --concatenate   append'
[[ $line =~ ^[[:blank:]]{1,10}(--?([\]\[a-zA-Z0-9?=-]+)) ]] && echo "[${BASH_REMATCH[1]}]"
[[ 'a]b' =~ a[\]]b ]] && echo bracket
[[ 'a.b' =~ a"."b ]] && echo dot-quoted
[[ 'axb' =~ a"."b ]] || echo dot-literal
### stdout:
[-A]
bracket
dot-quoted
dot-literal
### status: 0
### end
