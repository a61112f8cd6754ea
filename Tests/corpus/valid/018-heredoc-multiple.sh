#!/bin/bash
cat <<A <<B
first heredoc
A
second heredoc
B
paste <(cat) /dev/fd/3 3<<X <<Y
x content
X
y content
Y
