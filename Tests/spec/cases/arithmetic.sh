# Arithmetic expansion $(( )).

### case: basic operators
### oracle: both
echo $((1+2)) $((7-10)) $((6*7)) $((17/5)) $((17%5)) $((-17/5)) $((-17%5))
### stdout:
3 -3 42 3 2 -3 -2
### status: 0
### end

### case: unary operators
### oracle: both
echo $((-3)) $((+3)) $((!0)) $((!5)) $((~0)) $((~5)) $((- -3))
### stdout:
-3 3 1 0 -1 -6 3
### status: 0
### end

### case: comparison operators give 0 or 1
### oracle: both
echo $((1<2)) $((2<1)) $((2<=2)) $((3>2)) $((2>=3)) $((4==4)) $((4!=4))
### stdout:
1 0 1 1 0 1 0
### status: 0
### end

### case: bitwise and shift operators
### oracle: both
echo $((12&10)) $((12|10)) $((12^10)) $((1<<4)) $((256>>3)) $((-16>>2))
### stdout:
8 14 6 16 32 -4
### status: 0
### end

### case: logical operators short-circuit
### oracle: both
x=0
echo $((1||(x=5))) $x
echo $((0&&(x=6))) $x
echo $((1&&(x=7))) $x
echo $((2&&3)) $((0||0))
### stdout:
1 0
0 0
1 7
1 0
### status: 0
### end

### case: precedence of operators
### oracle: both
echo $((2+3*4)) $(((2+3)*4)) $((1+2<<1)) $((1<2==1)) $((6&3|8)) $((1|2^3&4))
echo $((-2*-3)) $((10-4-3)) $((2*3%4)) $((1?2:3?4:5)) $((!1+1))
### stdout:
14 20 6 1 10 3
6 3 2 2 1
### status: 0
### end

### case: assignment operators
### oracle: both
x=10
echo $((x+=5)) $((x-=3)) $((x*=2)) $((x/=5)) $((x%=3)) $x
y=1
echo $((y<<=4)) $((y>>=2)) $((y&=6)) $((y|=9)) $((y^=3)) $y
echo $((z=7)) $z
### stdout:
15 12 24 4 1 1
16 4 4 13 14 14
7 7
### status: 0
### end

### case: increment and decrement (bash)
### oracle: bash
i=5
echo $((i++)) $i $((++i)) $i $((i--)) $i $((--i)) $i
### stdout:
5 6 7 7 7 6 5 5
### status: 0
### end

### case: ternary operator
### oracle: both
a=3
echo $((a>2?10:20)) $((a>5?10:20)) $((a?a:0))
echo $((0?1:0?2:3))
### stdout:
10 20 3
3
### status: 0
### end

### case: comma operator (bash)
### oracle: bash
echo $((a=1, b=2, a+b)) $a $b
### stdout:
3 1 2
### status: 0
### end

### case: hexadecimal and octal constants
### oracle: both
echo $((0x10)) $((0XfF)) $((010)) $((0777)) $((0))
### stdout:
16 255 8 511 0
### status: 0
### end

### case: base#number constants (bash)
### oracle: bash
echo $((2#1010)) $((8#17)) $((16#ff)) $((36#z)) $((64#_))
### stdout:
10 15 255 35 63
### status: 0
### end

### case: 64-bit arithmetic and overflow wraps
### oracle: both
echo $((9223372036854775807))
echo $((9223372036854775807 + 1))
echo $((-9223372036854775807 - 1))
echo $((1 << 62)) $((1 << 63))
echo $((4294967296 * 4294967296))
### stdout:
9223372036854775807
-9223372036854775808
-9223372036854775808
4611686018427387904 -9223372036854775808
0
### status: 0
### end

### case: division by zero fails with a message on stderr
### oracle: both
(echo $((1/0))) 2>/dev/null
echo "status nonzero: $([ $? -ne 0 ] && echo yes)"
(echo $((5%0))) 2>&1 >/dev/null | wc -l | tr -d ' '
### stdout:
status nonzero: yes
1
### status: 0
### end

### case: division by zero in -c ends the shell with an error status (dash)
### weir-differs: the status: weir exits 1 as bash does (POSIX asks only for non-zero), dash 2
### oracle: dash
echo before
echo $((1/0))
echo after
### stdout:
before
### status: 2
### end

### case: bash division by zero status is 1 and the shell continues after the command
### weir-differs: POSIX: an expansion error ends a non-interactive shell (dash); bash abandons only the line
### oracle: bash
x=$((1/0)) 2>/dev/null
echo "status $?"
### stdout:
status 1
### status: 0
### end

### case: variables are expanded with or without $
### oracle: both
x=4 y=5
echo $((x*y)) $(($x*$y)) $((x + $y))
unset u
echo $((u + 1))
### stdout:
20 20 9
1
### status: 0
### end

### case: variables holding expressions are evaluated (bash)
### oracle: bash
e='2+3'
echo $((e*2)) $(($e*2))
r=y; y=7
echo $((r + 1))
### stdout:
10 8
8
### status: 0
### end

### case: empty variable counts as zero
### oracle: both
x=
echo $((x+1))
### stdout:
1
### status: 0
### end

### case: whitespace and newlines inside the expression
### oracle: both
echo $((  1 +
  2  ))
echo $(( (1 + 2) * 3 ))
### stdout:
3
9
### status: 0
### end

### case: arithmetic result is a single field in quotes and splits never
### oracle: both
echo "$((1+1))x" $((10))0
### stdout:
2x 100
### status: 0
### end

### case: nested arithmetic and command substitution inside
### oracle: both
echo $(( $(echo 3) * $((2+1)) ))
n=2
echo $(( n * $(( n + 1 )) ))
### stdout:
9
6
### status: 0
### end

### case: assignment through arithmetic persists
### oracle: both
: $((count=5))
: $((count+=1))
echo $count
### stdout:
6
### status: 0
### end

### case: (( )) command status (bash)
### oracle: bash
(( 1 )); echo $?
(( 0 )); echo $?
(( x = 3 + 4 )); echo "$? $x"
(( x > 5 )) && echo bigger
### stdout:
0
1
0 7
bigger
### status: 0
### end

### case: increment on an unset variable (bash)
### oracle: bash
unset n
echo $((n++)) $n
echo $((++m)) $m
### stdout:
0 1
1 1
### status: 0
### end

### case: negative numbers modulo and division truncate toward zero
### oracle: both
echo $((-7/2)) $((7/-2)) $((-7%2)) $((7%-2))
### stdout:
-3 -3 -1 1
### status: 0
### end

### case: invalid arithmetic expression is an error
### oracle: both
(echo $((1 +))) 2>/dev/null || echo "syntax error status nonzero"
(echo $((2 3))) 2>/dev/null || echo "two numbers error"
### stdout:
syntax error status nonzero
two numbers error
### status: 0
### end

### case: arithmetic on variables with leading zeros and signs
### oracle: both
a=010 b=-5 c=+3
echo $((a)) $((b*2)) $((c+1))
### stdout:
8 -10 4
### status: 0
### end

### case: exponent operator (bash)
### oracle: bash
echo $((2**10)) $((3**0)) $((2**3**2))
### stdout:
1024 1 512
### status: 0
### end

### case: arithmetic in for loop and while loop conditions
### oracle: both
i=0; s=0
while [ $i -lt 5 ]; do s=$((s+i)); i=$((i+1)); done
echo $s
### stdout:
10
### status: 0
### end

### case: C-style for loop (bash)
### oracle: bash
for ((i=0; i<3; i++)); do printf '%s ' $i; done; echo
### stdout:
0 1 2 
### status: 0
### end

### case: $[ ] old arithmetic syntax (bash)
### oracle: bash
echo $[1+2]
### stdout:
3
### status: 0
### end

### case: minimum integer divided by -1
### oracle: bash
echo $(( -9223372036854775808 / -1 )) 2>/dev/null
echo $(( (-9223372036854775807-1) % -1 ))
### stdout:
-9223372036854775808
0
### status: 0
### end

### case: division by zero aborts only the current command (bash)
### weir-differs: POSIX: an expansion error ends a non-interactive shell (dash); bash abandons only the line
### oracle: bash
echo before
echo $((1/0))
echo "after $?"
### stdout:
before
after 1
### status: 0
### end

### case: variable holding a plain number (both)
### oracle: both
n=12 h=0x1f
echo $((n+1)) $((h)) $(($n$n))
### stdout:
13 31 1212
### status: 0
### end

### case: ++ and -- after a number or a parenthesis are two operators
### oracle: bash
a=3
echo $((0++1)) $((0--1)) $((a+++3)) $(((a)+++3)) $a
### stdout:
1 1 6 7 4
### status: 0
### end

# Found by fuzz/diff-arith.py (issue 14).
### case: a compound assignment reads its variable before the right side runs
### oracle: bash
y=0; echo $(( y -= y += 1 )); x=5; echo $(( x += x++ )) $x; a=(0 2); echo $(( a[1] += a[1]-- ))
### stdout:
-1
10 10
4
### status: 0
### end

# Found by fuzz/diff-arith.py (issue 14).
### case: the third operand of ?: is a conditional, so an assignment after it has no variable
### oracle: bash
echo $(( 0 ? 2 : 0 ? 4 : 5 )) $(( 0 ? y=1 : 7 ))
( echo $(( 1 ? 1 : x = 3 )) ) 2>/dev/null || echo "error $?"
### stdout:
5 7
error 1
### status: 0
### end

# Found by fuzz/diff-arith.py (issue 14).
### case: a bare 0x is zero
### oracle: bash
echo $(( 0x )) $(( 0X + 1 ))
### stdout:
0 1
### status: 0
### end

### case: an arithmetic error names the expression that failed, once
### oracle: bash
{ echo $((5 + 2/0)); } 2>&1 | sed 's/^.*: 5 + 2/5 + 2/'
x='1/0'
{ echo $((x + 1)); } 2>&1 | sed 's/^.*: 1\/0/1\/0/'
{ let 'y=1/0'; } 2>&1 | sed 's/^.*: let:/let:/'
{ echo $((1 +* 2)); } 2>&1 | sed 's/^.*: 1 +\*/1 +*/'
### stdout:
5 + 2/0: division by 0 (error token is "0")
1/0: division by 0 (error token is "0")
let: y=1/0: division by 0 (error token is "0")
1 +* 2: syntax error: operand expected (error token is "* 2")
### status: 0
### end

### case: a carriage return is not a blank in arithmetic
### oracle: both
"$0" -c 'echo $(( $1 + 1 ))' sh "$(printf '\t42\n')"
"$0" -c 'echo $(( $1 + 1 ))' sh "$(printf '42\r')" 2>/dev/null || echo rejected
### stdout:
43
rejected
### status: 0
### end
