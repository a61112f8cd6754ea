#!/bin/bash
echo $
echo "$"
echo a$
echo $ b
echo "cost: $ 5"
echo $% $+ $,
echo "\$ \${x}"
echo '$'
