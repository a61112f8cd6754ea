#!/bin/bash
# under "bash -n" the shopt line is not executed, so extglob stays off
shopt -s extglob
ls !(*.bak)
