#!/bin/bash
cat /etc/passwd | cut -d: -f1 | sort | uniq -c | sort -rn | head -5
ls -l |
  grep '^d' |
  wc -l
! echo hi | grep -q bye
ps aux |& grep -v grep
make 2>&1 | tee build.log
