#!/bin/bash
while read -r x; do
  echo "$x"
done <<END
a
b
END
for f in $(cat <<L
one two
L
); do echo $f; done
