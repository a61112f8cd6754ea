#!/bin/bash
sleep 10 &
pid=$!
long_task > out.log 2>&1 &
{ sleep 1; echo bg group; } &
( sleep 1 ) &
wait "$pid"
jobs -l
kill %1 2>/dev/null
fg %2 || true
disown -a
