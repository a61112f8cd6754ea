#!/bin/bash
echo ${#name}
echo ${#arr[@]} ${#arr[*]} ${#arr[0]}
ref=HOME
echo ${!ref}
echo ${!BASH*}
echo ${!BASH@}
echo ${!arr[@]}
echo ${!arr[*]}
echo ${!ref:-default}
echo ${#1}
