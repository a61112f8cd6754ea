#!/bin/bash
[[ -n $a && ]] || echo bad
