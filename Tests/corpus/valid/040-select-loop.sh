#!/bin/bash
PS3="Pick one: "
select opt in apple banana "cherry pie" quit; do
  case $opt in
    quit) break ;;
    *) echo "you picked $opt" ;;
  esac
done
select x; do echo $x; break; done
select y in a b
do
  break
done
