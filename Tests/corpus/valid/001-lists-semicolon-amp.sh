#!/bin/sh
echo one; echo two; echo three
sleep 1 & echo started
wait; echo done
true ; false ; :
cmd1 & cmd2 & wait
