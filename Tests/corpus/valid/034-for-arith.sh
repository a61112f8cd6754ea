#!/bin/bash
for ((i = 0; i < 10; i++)); do
  echo $i
done
for ((;;)); do break; done
for (( i=10, j=0 ; i > j ; i--, j++ )); do echo $i $j; done
for ((i=0; i<3; i++))
do
  echo $i
done
for ((i=0;i<2;i++)) { echo brace body; }
