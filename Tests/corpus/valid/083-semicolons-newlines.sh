#!/bin/bash
if true
then
echo a
fi
while false
do
:
done
{ echo a
echo b
}
( echo a
echo b )
