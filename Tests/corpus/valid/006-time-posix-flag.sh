time -p find / -name foo 2>/dev/null | head -1
time -p for i in 1 2 3; do echo $i; done
time -- echo dashdash
time while false; do :; done
