#!/bin/bash
[[ $x =~ ]] && echo matched
