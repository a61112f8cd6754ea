#!/bin/bash
set -euo pipefail
set -x
set +x
set -- a b c
set -o noclobber
set +o noclobber
shopt -s nullglob globstar
shopt -u dotglob
IFS=$'\n\t'
