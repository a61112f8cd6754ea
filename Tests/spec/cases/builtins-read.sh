# read.

### case: read splits into variables, the last takes the rest
### oracle: both
echo "a b c d" | { read x y z; echo "[$x] [$y] [$z]"; }
echo "one" | { read x y; echo "[$x] [$y]"; }
### stdout:
[a] [b] [c d]
[one] []
### status: 0
### end

### case: read strips leading and trailing IFS whitespace
### oracle: both
printf '   lead and trail   \n' | { read line; echo "[$line]"; }
printf '  a  b  \n' | { read x y; echo "[$x] [$y]"; }
### stdout:
[lead and trail]
[a] [b]
### status: 0
### end

### case: read with a custom IFS
### oracle: both
echo "a:b:c" | { IFS=: read x y z; echo "$z $y $x"; }
echo "a:b:c:d" | { IFS=: read x y; echo "[$x] [$y]"; }
echo "a::c" | { IFS=: read x y z; echo "[$x] [$y] [$z]"; }
### stdout:
c b a
[a] [b:c:d]
[a] [] [c]
### status: 0
### end

### case: read with empty IFS keeps the whole line
### oracle: both
printf '  keep  spaces  \n' | { IFS= read -r line; echo "[$line]"; }
### stdout:
[  keep  spaces  ]
### status: 0
### end

### case: read without -r handles backslashes
### oracle: both
printf 'a\\ b c\\\\d\n' | { read x y; printf '[%s] [%s]\n' "$x" "$y"; }
printf 'line1 \\\nline2\n' | { read x; printf '[%s]\n' "$x"; }
### stdout:
[a b] [c\d]
[line1 line2]
### status: 0
### end

### case: read -r keeps backslashes
### oracle: both
printf 'a\\ b c\\\\d\n' | { read -r x y; printf '[%s] [%s]\n' "$x" "$y"; }
printf 'line1 \\\nline2\n' | { read -r x; printf '[%s]\n' "$x"; }
### stdout:
[a\] [b c\\d]
[line1 \]
### status: 0
### end

### case: read returns 1 at end of file but sets the partial line
### oracle: both
printf 'no newline' | { read x; echo "status $? [$x]"; }
read y < /dev/null; echo "status $? [$y]"
### stdout:
status 1 [no newline]
status 1 []
### status: 0
### end

### case: read in a while loop reads every line
### oracle: both
printf 'l1\nl2\nl3\n' > f
n=0
while read line; do n=$((n+1)); done < f
echo $n
### stdout:
3
### status: 0
### end

### case: read from a file descriptor with <&3
### oracle: both
printf 'first\nsecond\n' > f
exec 3< f
read a <&3
read b <&3
echo "$a $b"
### stdout:
first second
### status: 0
### end

### case: read -u reads from a descriptor (bash)
### oracle: bash
printf 'first\nsecond\n' > f
exec 4< f
read -u 4 a
read -u 4 b
echo "$b $a"
### stdout:
second first
### status: 0
### end

### case: read -p prompt goes to stderr (bash)
### oracle: bash
echo answer | { read -p 'question? ' v 2>/dev/null; echo "[$v]"; }
### stdout:
[answer]
### status: 0
### end

### case: read -d uses another delimiter (bash)
### oracle: bash
printf 'a,b,c' | { read -d , x; read -d , y; echo "$x $y"; }
printf 'one\ntwo\0three' | { read -r -d '' x; printf '[%s]\n' "$x"; }
### stdout:
a b
[one
two]
### status: 0
### end

### case: read -n reads at most n characters (bash)
### oracle: bash
echo abcdef | { read -n 3 x; read y; echo "$x|$y"; }
printf 'ab\ncd\n' | { read -n 5 x; echo "[$x]"; }
### stdout:
abc|def
[ab]
### status: 0
### end

### case: read -N reads exactly n characters including newlines (bash)
### oracle: bash
printf 'ab\ncd\n' | { read -N 4 x; printf '[%s]\n' "$x"; }
### stdout:
[ab
c]
### status: 0
### end

### case: read -s is silent and still reads (bash)
### oracle: bash
echo secret | { read -s v; echo "[$v]"; }
### stdout:
[secret]
### status: 0
### end

### case: read -t with data available and with a timeout (bash)
### oracle: bash
echo quick | { read -t 5 v; echo "status $? [$v]"; }
sleep 1 | { read -t 0.1 v; echo "status $?"; }
### stdout:
status 0 [quick]
status 142
### status: 0
### end

### case: read -a fills an array (bash)
### oracle: bash
echo "x y  z" | { read -a arr; echo "${#arr[@]} ${arr[2]} ${arr[0]}"; }
### stdout:
3 z x
### status: 0
### end

### case: read with no variable name sets REPLY (bash)
### oracle: bash
echo "  spaced  " | { read; echo "[$REPLY]"; }
### stdout:
[  spaced  ]
### status: 0
### end

### case: read with IFS whitespace and non-whitespace mixed
### oracle: both
echo " a , b ,c " | { IFS=' ,' read x y z; echo "[$x] [$y] [$z]"; }
### stdout:
[a] [b] [c]
### status: 0
### end

### case: read with more variables than fields empties the rest
### oracle: both
echo "one" | { x=old y=old; read x y; echo "[$x] [${y-unset}]"; }
### stdout:
[one] []
### status: 0
### end

### case: read does not consume more than one line from a pipe
### oracle: both
printf 'a\nb\nc\n' | { read x; cat; }
### stdout:
b
c
### status: 0
### end

### case: read does not consume more than one line from a file
### oracle: both
printf 'a\nb\nc\n' > f
{ read x; read y; head -n 1; } < f
### stdout:
c
### status: 0
### end

### case: IFS prefix for read does not persist
### oracle: both
echo "a:b" | { IFS=: read x y; printf '%s' "$IFS" | od -c | head -n 1 | sed 's/  */ /g'; echo "$x $y"; }
### stdout:
0000000 \t \n
a b
### status: 0
### end

### case: read with invalid variable name fails
### oracle: both
echo x | { read 1bad 2>/dev/null; echo "nonzero: $([ $? -ne 0 ] && echo yes)"; }
### stdout:
nonzero: yes
### status: 0
### end

### case: read trailing non-whitespace IFS delimiter handling
### oracle: both
echo "a:b:" | { IFS=: read x y; echo "[$x] [$y]"; }
echo "a:b:c:" | { IFS=: read x y; echo "[$x] [$y]"; }
### stdout:
[a] [b]
[a] [b:c:]
### status: 0
### end

### case: the last variable drops one trailing non-white IFS delimiter after white space
### oracle: both
printf 'X:Y  : \n' | { IFS=': ' read x y; echo "[$x][$y]"; }
printf 'X: Y :\n' | { IFS=': ' read x y; echo "[$x][$y]"; }
printf 'X:Y : Z :\n' | { IFS=': ' read x y; echo "[$x][$y]"; }
### stdout:
[X][Y]
[X][Y]
[X][Y : Z :]
### status: 0
### end

### case: read -t 0 says whether input is waiting and reads nothing
### oracle: bash
# A FIFO opened for reading and writing: the data is in it before read looks, with no
# race against a writer.
mkfifo p; exec 3<>p
read -t 0 r <&3; echo "not ready [$r] $?"
echo data >&3
read -t 0 r <&3; echo "ready [$r] $?"
read r <&3; echo "then read [$r]"
### stdout:
not ready [] 1
ready [] 0
then read [data]
### status: 0
### end
