#!/bin/bash
cmd >out1 >out2
cmd <in1 <in2
cmd 2>err >out <in
cmd 2>&1 | cat
cmd >/dev/null 2>&1 &
cmd > "$dir/file with space.txt"
cmd > $(echo dyn).log
cmd >"${LOG:-/tmp/log}"
