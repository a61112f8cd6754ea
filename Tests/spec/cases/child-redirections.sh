# A command's redirections are made by the process that runs it: a program opens its
# files in its own child (POSIX 2.7), after the descriptors made before them.

### case: a descriptor made by one redirection is there for the next
### oracle: both
printf 'a\nb\n' > f3
cat 3<f3 <&3
cat 3<<END <&3
here
END
### stdout:
a
b
here
### status: 0
### end

### case: /proc/self/fd/1 in a redirection is the child's, not the shell's
### oracle: both
echo before > out.txt
{ ls / >/proc/self/fd/1 | wc -l > /dev/null; echo after; } >> out.txt
cat out.txt
### stdout:
before
after
### status: 0
### end

### case: {var}> on a program opens the file in its child
### oracle: bash
/bin/echo hi {fd}>out
cat out; [ -e out ] && echo made; echo "fd=[$fd]"
### stdout:
hi
made
fd=[]
### status: 0
### end

### case: a redirection that fails does not run the program and gives status 1
### oracle: bash
cat < /nonexistent/f 2>/dev/null; echo "status $?"
/bin/echo x > /nonexistent/f 2>/dev/null; echo "status $?"
/bin/cat <&7 2>/dev/null; echo "status $?"
### stdout:
status 1
status 1
status 1
### status: 0
### end
