#!/bin/bash
if ! command -v git >/dev/null 2>&1; then
    echo "git missing" >&2
fi
! true
! false && echo ok
while ! ping -c1 host >/dev/null; do sleep 1; done
