#!/bin/bash
echo ${var:-default}
echo ${var-default}
echo ${var:=assigned}
echo ${var=assigned}
echo ${var:?must be set}
echo ${var?}
echo ${var:+alt}
echo ${var+alt}
echo ${var:-"quoted default"}
echo ${var:-$other}
echo ${var:-${nested:-deep}}
echo ${var:-$(date)}
echo "${var:-a b c}"
: ${CONFIG:=/etc/app.conf}
