#!/bin/bash
diff <(sort a.txt) <(sort b.txt)
tee >(gzip > out.gz) >(wc -l) < input > /dev/null
while read -r l; do echo "$l"; done < <(find . -type f)
comm -12 <(ls dir1) <(ls dir2)
exec 3< <(yes | head -3)
paste <(echo a; echo b) <(echo 1; echo 2)
