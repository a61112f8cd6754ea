#!/bin/bash
coproc bc -l
echo "2+2" >&"${COPROC[1]}"
read -r result <&"${COPROC[0]}"
coproc WORKER { while read -r l; do echo "got $l"; done; }
echo hi >&"${WORKER[1]}"
coproc ( sleep 1 )
wait $COPROC_PID
