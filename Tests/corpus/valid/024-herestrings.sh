#!/bin/bash
read -r a b c <<< "one two three"
grep -c x <<<"$data"
bc <<< '2 + 2'
while read -r line; do echo "$line"; done <<< "$(ls)"
cat <<<word
tr a-z A-Z <<< $'tab\there'
