# test and [.

### case: string tests
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t test -n abc; t test -n ""; t test -z ""; t test -z x
t test abc = abc; t test abc != abc; t test abc = abd
t [ x ]; t [ "" ]
### stdout:
T: test -n abc
F: test -n 
T: test -z 
F: test -z x
T: test abc = abc
F: test abc != abc
F: test abc = abd
T: [ x ]
F: [  ]
### status: 0
### end

### case: integer comparisons
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ 1 -eq 1 ]; t [ 1 -ne 1 ]; t [ 1 -lt 2 ]; t [ 2 -le 2 ]
t [ 3 -gt 2 ]; t [ 2 -ge 3 ]; t [ -5 -lt 0 ]; t [ 010 -eq 10 ]
### stdout:
T: [ 1 -eq 1 ]
F: [ 1 -ne 1 ]
T: [ 1 -lt 2 ]
T: [ 2 -le 2 ]
T: [ 3 -gt 2 ]
F: [ 2 -ge 3 ]
T: [ -5 -lt 0 ]
T: [ 010 -eq 10 ]
### status: 0
### end

### case: integer comparison with a non-number is an error with status 2
### oracle: both
[ abc -eq 1 ] 2>/dev/null
echo $?
test 1 -lt 2x 2>/dev/null
echo $?
### stdout:
2
2
### status: 0
### end

### case: file tests
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
mkdir d; echo data > f; : > empty; ln -s f link
t [ -e f ]; t [ -e nofile ]; t [ -f f ]; t [ -f d ]; t [ -d d ]; t [ -d f ]
t [ -s f ]; t [ -s empty ]; t [ -L link ]; t [ -h f ]; t [ -f link ]
### stdout:
T: [ -e f ]
F: [ -e nofile ]
T: [ -f f ]
F: [ -f d ]
T: [ -d d ]
F: [ -d f ]
T: [ -s f ]
F: [ -s empty ]
T: [ -L link ]
F: [ -h f ]
T: [ -f link ]
### status: 0
### end

### case: permission tests
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
echo x > f; chmod 644 f; printf '#!/bin/sh\n' > x; chmod 755 x
t [ -r f ]; t [ -w f ]; t [ -x f ]; t [ -x x ]; t [ -x nofile ]
### stdout:
T: [ -r f ]
T: [ -w f ]
F: [ -x f ]
T: [ -x x ]
F: [ -x nofile ]
### status: 0
### end

### case: -nt -ot -ef
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
touch -t 202001010000 old
touch -t 202101010000 new
ln old hard
t [ new -nt old ]; t [ old -nt new ]; t [ old -ot new ]; t [ new -ot old ]
t [ old -ef hard ]; t [ old -ef new ]
### stdout:
T: [ new -nt old ]
F: [ old -nt new ]
T: [ old -ot new ]
F: [ new -ot old ]
T: [ old -ef hard ]
F: [ old -ef new ]
### status: 0
### end

### case: ! negation and parentheses
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ ! -n "" ]; t [ ! x = x ]; t [ \( x = x \) ]; t [ ! \( a = b \) ]
### stdout:
T: [ ! -n  ]
F: [ ! x = x ]
T: [ ( x = x ) ]
T: [ ! ( a = b ) ]
### status: 0
### end

### case: -a and -o
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ a = a -a b = b ]; t [ a = a -a b = c ]; t [ a = b -o b = b ]; t [ a = b -o c = d ]
t [ a = b -o a = a -a b = c ]
### stdout:
T: [ a = a -a b = b ]
F: [ a = a -a b = c ]
T: [ a = b -o b = b ]
F: [ a = b -o c = d ]
F: [ a = b -o a = a -a b = c ]
### status: 0
### end

### case: POSIX rule: zero arguments is false, one argument tests non-empty
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ ]; t test; t [ -n ]; t [ -z ]; t [ = ]; t [ ! ]; t [ "(" ]
### stdout:
F: [ ]
F: test
T: [ -n ]
T: [ -z ]
T: [ = ]
T: [ ! ]
T: [ ( ]
### status: 0
### end

### case: POSIX rule: two arguments
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ ! "" ]; t [ ! x ]; t [ -n x ]; t [ -z x ]; t [ -f nofile ]
### stdout:
T: [ !  ]
F: [ ! x ]
T: [ -n x ]
F: [ -z x ]
F: [ -f nofile ]
### status: 0
### end

### case: POSIX rule: three arguments with a binary operator in the middle
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ -n = -n ]; t [ ! = ! ]; t [ ! ! x ]; t [ ! -z x ]; t [ '(' x ')' ]; t [ -a = -a ]
### stdout:
T: [ -n = -n ]
T: [ ! = ! ]
T: [ ! ! x ]
T: [ ! -z x ]
T: [ ( x ) ]
T: [ -a = -a ]
### status: 0
### end

### case: POSIX rule: four arguments starting with !
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ ! a = b ]; t [ ! a = a ]; t [ '(' -n x ')' ]
### stdout:
T: [ ! a = b ]
F: [ ! a = a ]
T: [ ( -n x ) ]
### status: 0
### end

### case: missing ] is an error
### oracle: both
[ a = a 2>/dev/null
echo $?
### stdout:
2
### status: 0
### end

### case: unknown binary operator is an error
### oracle: both
[ a -foo b ] 2>/dev/null
echo $?
### stdout:
2
### status: 0
### end

### case: string comparison with < and > (bash test)
### oracle: bash
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ abc \< abd ]; t [ b \> a ]; t test a \> b
### stdout:
T: [ abc < abd ]
T: [ b > a ]
F: test a > b
### status: 0
### end

### case: -t tests a terminal descriptor
### oracle: both
[ -t 0 ] && echo tty || echo not-a-tty
[ -t 1 ] && echo tty || echo not-a-tty
### stdout:
not-a-tty
not-a-tty
### status: 0
### end

### case: test of an unset variable without quotes
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
unset u
t [ -n $u ]; t [ -z $u ]; t [ -n "$u" ]
### stdout:
T: [ -n ]
T: [ -z ]
F: [ -n  ]
### status: 0
### end

### case: test exit statuses are 0 1 2
### oracle: both
test 1 = 1; echo $?
test 1 = 2; echo $?
test 1 -gt 2>/dev/null; echo $?
### stdout:
0
1
2
### status: 0
### end

### case: test -v checks whether a variable is set (bash)
### oracle: bash
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
x=; unset y
t test -v x; t test -v y
### stdout:
T: test -v x
F: test -v y
### status: 0
### end

### case: [[ ]] pattern and regex matching (bash)
### oracle: bash
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
[[ abc == a* ]] && echo glob
[[ abc == "a*" ]] || echo quoted-literal
[[ abc =~ ^a(b)c$ ]] && echo "re ${BASH_REMATCH[1]}"
[[ -n $unset_var ]] || echo no-split-needed
### stdout:
glob
quoted-literal
re b
no-split-needed
### status: 0
### end

### case: -p -S -b -c file types
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ -c /dev/null ]; t [ -b /dev/null ]; t [ -p /dev/null ]; t [ -S /dev/null ]
### stdout:
T: [ -c /dev/null ]
F: [ -b /dev/null ]
F: [ -p /dev/null ]
F: [ -S /dev/null ]
### status: 0
### end

### case: test with large integers
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ 9223372036854775807 -gt 9223372036854775806 ]; t [ -9223372036854775808 -lt 0 ]
### stdout:
T: [ 9223372036854775807 -gt 9223372036854775806 ]
T: [ -9223372036854775808 -lt 0 ]
### status: 0
### end

### case: integers with surrounding spaces are accepted
### oracle: both
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
t [ " 12 " -eq 12 ]
### stdout:
T: [  12  -eq 12 ]
### status: 0
### end

### case: -nt and -ot with a missing file (bash: the existing file is newer)
### oracle: bash
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
touch f
t [ f -nt missing ]; t [ missing -ot f ]; t [ missing -nt f ]
### stdout:
T: [ f -nt missing ]
T: [ missing -ot f ]
F: [ missing -nt f ]
### status: 0
### end

### case: -nt and -ot with a missing file are false (dash)
### weir-differs: bash: an existing file is newer than a missing one
### oracle: dash
t() { if "$@" 2>/dev/null; then r=T; else r=F; fi; echo "$r: $*"; }
touch f
t [ f -nt missing ]; t [ missing -ot f ]; t [ missing -nt f ]
### stdout:
F: [ f -nt missing ]
F: [ missing -ot f ]
F: [ missing -nt f ]
### status: 0
### end
