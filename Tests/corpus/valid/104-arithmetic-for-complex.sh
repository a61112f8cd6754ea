#!/bin/bash
n=5
for (( i = 0, j = n - 1; i < j; i++, j-- )); do
  tmp=${arr[i]}
  arr[i]=${arr[j]}
  arr[j]=$tmp
done
for (( ; i < 10 ; )); do (( i++ )); done
for (( i = 1 ; i <= 100 ; i *= 2 ))
{
  echo $i
}
