# echo and printf.

### case: echo joins arguments with spaces
### oracle: both
echo a   b "c  d"
echo
echo ""
### stdout:
a b c  d


### status: 0
### end

### case: echo -n suppresses the newline
### oracle: both
echo -n abc
echo -n
echo def
### stdout:
abcdef
### status: 0
### end

### case: echo -e interprets escapes, -E does not (bash)
### oracle: bash
echo -e 'a\tb\nc\\d'
echo -E 'a\tb'
echo 'a\tb'
echo -e '\x41\0102\c' ignored
echo
### stdout:
a	b
c\d
a\tb
a\tb
AB
### status: 0
### end

### case: echo always interprets escapes (dash)
### weir-differs: weir's echo is bash's: escapes only with -e or xpg_echo
### oracle: dash
echo 'a\tb\nc'
echo 'x\cy' z
echo '\0101'
### stdout:
a	b
c
xA
### status: 0
### end

### case: echo option parsing stops at the first non-option (bash)
### oracle: bash
echo -n -e 'x\ty'; echo
echo -- -n
echo -ne 'a\n'
echo -nx hi
### stdout:
x	y
-- -n
a
-nx hi
### status: 0
### end

### case: echo with a write error returns non-zero
### oracle: both
echo hi >&- 2>/dev/null
[ $? -ne 0 ] && echo failed
### stdout:
failed
### status: 0
### end

### case: printf %s and reuse of the format
### oracle: both
printf '%s\n' one two three
printf '%s-%s\n' a b c
printf 'no newline'
echo
### stdout:
one
two
three
a-b
c-
no newline
### status: 0
### end

### case: printf %d %i with signs and widths
### oracle: both
printf '[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d]\n' 42 -7 3 3 3 3 3
### stdout:
[42] [-7] [    3] [3    ] [00003] [+3] [ 3]
### status: 0
### end

### case: printf %o %u %x %X
### oracle: both
printf '%o %u %x %X %#o %#x\n' 8 255 255 255 8 255
### stdout:
10 255 ff FF 010 0xff
### status: 0
### end

### case: printf %c takes the first character
### oracle: both
printf '[%c][%c]\n' abc x
### stdout:
[a][x]
### status: 0
### end

### case: printf %e %f %g
### oracle: bash
printf '%e %f %g %.2f %10.3f %-8.1f| %g %g\n' 1234.5 3.14159 0.0001 2.675 1 2.25 100000 1000000
### stdout:
1.234500e+03 3.141590 0.0001 2.67      1.000 2.2     | 100000 1e+06
### status: 0
### end

### case: printf %f and %g (dash)
### oracle: dash
printf '%e %f %g %.2f %10.3f\n' 1234.5 3.14159 0.0001 2.5 1
### stdout:
1.234500e+03 3.141590 0.0001 2.50      1.000
### status: 0
### end

### case: printf string precision and width
### oracle: both
printf '[%.2s] [%5s] [%-5s] [%5.1s]\n' abcdef ab ab xyz
### stdout:
[ab] [   ab] [ab   ] [    x]
### status: 0
### end

### case: printf * width and precision from arguments
### oracle: both
printf '[%*d] [%-*s] [%.*s]\n' 5 42 4 ab 2 abcdef
### stdout:
[   42] [ab  ] [ab]
### status: 0
### end

### case: printf %b interprets escapes in the argument
### oracle: both
printf '%b\n' 'a\tb' 'c\\d' 'e\0101'
printf '%s\n' 'a\tb'
### stdout:
a	b
c\d
eA
a\tb
### status: 0
### end

### case: printf %b with \c stops output
### oracle: both
printf '%b|%s\n' 'abc\cdef' x
echo
### stdout:
abc
### status: 0
### end

### case: printf escapes in the format
### oracle: both
printf 'a\tb\\c\101\n'
printf '%%d\n'
### stdout:
a	b\cA
%d
### status: 0
### end

### case: printf missing arguments are empty or zero
### oracle: both
printf '[%s] [%d]\n'
printf '%s %s\n' only
### stdout:
[] [0]
only 
### status: 0
### end

### case: printf numeric arguments in hex, octal and character form
### oracle: both
printf '%d %d %d %d\n' 0x1F 010 "'A" '"B'
### stdout:
31 8 65 66
### status: 0
### end

### case: printf with an invalid number fails but prints
### oracle: both
printf '%d\n' abc 2>/dev/null
echo "status $?"
printf '%d\n' 12abc 2>/dev/null
echo "status $?"
### stdout:
0
status 1
12
status 1
### status: 0
### end

### case: printf %q quotes for the shell (bash)
### oracle: bash
printf '%q\n' 'a b' "it's" '' 'plain' $'tab\there'
### stdout:
a\ b
it\'s
''
plain
$'tab\there'
### status: 0
### end

### case: printf -v assigns to a variable (bash)
### oracle: bash
printf -v out '%s-%d' abc 5
echo "$out"
printf -v pad '%05d' 42
echo $pad
### stdout:
abc-5
00042
### status: 0
### end

### case: printf with -- before the format
### oracle: both
printf -- '%s\n' -dash
### stdout:
-dash
### status: 0
### end

### case: printf large and negative numbers
### oracle: both
printf '%d %d %u\n' 9223372036854775807 -9223372036854775808 18446744073709551615
printf '%x\n' -1
### stdout:
9223372036854775807 -9223372036854775808 18446744073709551615
ffffffffffffffff
### status: 0
### end

### case: printf output of %s with special characters
### oracle: both
printf '%s|' '*' '$x' '\n' '%d'
echo
### stdout:
*|$x|\n|%d|
### status: 0
### end

### case: printf with no arguments for format without conversions repeats once
### oracle: both
printf 'x\n' a b c
### stdout:
x
### status: 0
### end

### case: printf %5b and %-3c widths
### oracle: both
printf '[%5b][%-3c]\n' 'a\n' z
### stdout:
[   a
][z  ]
### status: 0
### end

### case: printf with no format is an error
### oracle: both
printf 2>/dev/null
[ $? -ne 0 ] && echo usage-error
### stdout:
usage-error
### status: 0
### end

### case: output without a final newline
### oracle: both
printf 'line1\nno-final-newline'
### stdout:
line1
no-final-newline
### no-newline
### status: 0
### end

### case: echo -n as the last output leaves no newline
### oracle: both
echo first
echo -n last
### stdout:
first
last
### no-newline
### status: 0
### end

### case: printf %(…)T follows TZ only when it is exported
### oracle: bash
# date sees exactly the exported TZ, so it gives the hour printf should print.
same() { [ "$(printf '%(%H)T' 0)" = "$(date -d @0 +%H)" ] && echo same || echo differs; }
unset TZ; same
TZ=Asia/Tokyo; same
export TZ; same; printf '%(%H)T\n' 0
unset TZ; same
TZ=Asia/Tokyo printf '%(%H)T\n' 0
same
### stdout:
same
same
same
09
same
09
same
### status: 0
### end
