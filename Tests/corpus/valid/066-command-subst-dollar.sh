#!/bin/bash
now=$(date +%s)
files=$(ls -1 | wc -l)
nested=$(echo $(echo $(echo deep)))
quoted="$(echo "inner quotes")"
multi=$(
  echo line1
  echo line2
)
empty=$()
spaced=$( echo spaced )
withsub=$( (cd /tmp; pwd) )
