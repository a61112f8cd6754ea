#!/bin/bash
time ls -l
time -p sleep 1
time { sleep 1; echo hi; }
time ( cd /tmp && ls )
time ls | wc -l
! time false
time
