#!/bin/bash
# full line comment
echo hello # trailing comment
echo not#comment
echo "# not comment"
echo '# not comment'
echo \# not comment
x=1 # comment after assignment
# comment with 'unbalanced quote
# comment with "another
for i in 1 2; do # comment after do
  : # noop
done # after done
