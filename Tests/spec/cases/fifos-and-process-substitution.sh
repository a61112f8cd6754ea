# Named pipes (the mkfifo builtin, FIFOs as redirection targets) and process
# substitution in the forms people use.

### case: mkfifo makes a FIFO with 0666 less the umask, -m sets the mode exactly
### oracle: bash
umask 022
mkfifo f; mkfifo -m 600 g; mkfifo -m u=rw,g=r h; mkfifo -m0640 i
for x in f g h i; do test -p $x && echo "$x $(stat -c %a $x)"; done
### stdout:
f 644
g 600
h 646
i 640
### status: 0
### end

### case: mkfifo errors are coreutils' and the other names are still made
### oracle: bash
mkfifo a a b 2>&1; echo "status $?"
test -p b && echo b made
mkfifo 2>&1; echo "status $?"
mkfifo -m 999 c 2>&1; echo "status $?"
mkfifo -q c 2>&1; echo "status $?"
mkfifo -m 2>&1; echo "status $?"
mkfifo no/such/dir 2>&1; echo "status $?"
### stdout:
mkfifo: cannot create fifo 'a': File exists
status 1
b made
mkfifo: missing operand
Try 'mkfifo --help' for more information.
status 1
mkfifo: invalid mode
status 1
mkfifo: invalid option -- 'q'
Try 'mkfifo --help' for more information.
status 1
mkfifo: option requires an argument -- 'm'
Try 'mkfifo --help' for more information.
status 1
mkfifo: cannot create fifo 'no/such/dir': No such file or directory
status 1
### status: 0
### end

### case: a producer in the background and a consumer joined by a FIFO
### oracle: bash
mkfifo f
seq 5 > f &
wc -l < f
wait
printf 'x\ny\n' > f & read -r first < f; echo "$first"
wait
### stdout:
5
x
### status: 0
### end

### case: a builtin and a compound command redirected to and from FIFOs keep their effects
### oracle: bash
mkfifo f1 f2 f3
{ sleep 0.1; echo hello; } > f1 &
read -r got < f1
echo "got $got"
(sleep 0.1; printf '1\n2\n3\n') > f2 &
n=0; while read -r l; do n=$((n + l)); done < f2
echo "sum $n"
cat f3 > out & echo to-fifo > f3; wait; cat out
### stdout:
got hello
sum 6
to-fifo
### status: 0
### end

### case: diff of two sorted process substitutions
### oracle: bash
printf 'b\na\nc\n' > a; printf 'c\nb\nd\n' > b
diff <(sort a) <(sort b); echo "status $?"
### stdout:
1d0
< a
3a3
> d
status 1
### status: 0
### end

### case: tee into two output substitutions
### oracle: bash
seq 1000 > data
tee >(gzip > data.gz; touch g.done) >(sha256sum > data.sum; touch s.done) < data > /dev/null
while [ ! -e g.done ] || [ ! -e s.done ]; do sleep 0.02; done
zcat data.gz | wc -l
cut -c1-16 data.sum
### stdout:
1000
67d4ff71d43921d5
### status: 0
### end

### case: paste of two cut substitutions, and a while loop fed by one
### oracle: bash
printf '1\tx\ty\n2\tz\tw\n' > t
paste <(cut -f1 t) <(cut -f3 t)
while read -r l; do echo "got $l"; last=$l; done < <(printf 'p\nq\n')
echo "last=$last"
### stdout:
1	y
2	w
got p
got q
last=q
### status: 0
### end

### case: stderr through an output substitution
### oracle: bash
{ echo out; echo noise >&2; echo kept >&2; } 2> >(grep -v noise > err; touch done)
while [ ! -e done ]; do sleep 0.02; done
cat err
### stdout:
out
kept
### status: 0
### end

### case: substitutions inside functions and loops, and one nobody reads
### oracle: bash
f() { cat <(echo "in f $1"); }
for i in 1 2 3; do f $i; done
: <(echo never read); echo moved on
x=$(cat <(echo inside a command substitution)); echo "$x"
### stdout:
in f 1
in f 2
in f 3
moved on
inside a command substitution
### status: 0
### end

### case: $! is the last substitution and wait takes it
### oracle: bash
cat <(exit 3) > /dev/null
wait $!; echo "status $?"
### stdout:
status 3
### status: 0
### end

### case: the substitution's word is a path that the command can open
### oracle: bash
p=$(echo <(true)); case $p in /*) echo absolute ;; *) echo "not a path: $p" ;; esac
test -p <(true) && echo fifo-or-pipe
wc -c < <(printf 12345)
### stdout:
absolute
fifo-or-pipe
5
### status: 0
### end
