#!/bin/bash
arr=(x y z)
arr=( "quoted item" 'single' $var ${other[@]} )
arr[0]=first
arr[i+1]=next
arr[$i]=v
declare -A map
map[key]=value
map["with space"]=v2
map=([a]=1 [b]=2 [c]="three")
empty=()
nested=( $(ls) "$(date)" )
multi=(
  one
  two   # comment inside array
  three
)
