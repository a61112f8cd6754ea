# Here-documents and here-strings.

### case: basic here-document with expansion
### oracle: both
name=world
cat <<EOF
hello $name
sum $((1+2)) cmd $(echo sub)
