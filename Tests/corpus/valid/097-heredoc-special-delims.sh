#!/bin/bash
cat <<END_OF_TEXT
text
END_OF_TEXT
cat <<-	EOF2
	tab before delimiter word
	EOF2
cat <<__X__
x
__X__
cat << "a-b.c"
dots
a-b.c
