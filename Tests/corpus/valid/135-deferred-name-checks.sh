#!/bin/bash
# bash -n accepts all of these; bash reports them only when (and if) they run.
if false; then
  for 1 in a b; do :; done
  for a-b in x; do :; done
  for "quoted" in x; do :; done
  select 9 in a b; do break; done
fi
1start() { :; }
"quoted"() { :; }
$dyn() { :; }
function a=b { :; }
function if { :; }
arr[1]=(x y)
