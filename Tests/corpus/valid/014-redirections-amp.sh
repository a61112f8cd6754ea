#!/bin/bash
make &> build.log
make &>> build.log
ls nonexistent &>/dev/null || echo missing
cmd >& all.log
cmd 2>&1 >/dev/null
cmd 1>&2
cmd 2>>errors.log
cmd 0<input
