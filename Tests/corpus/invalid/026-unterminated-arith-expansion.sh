#!/bin/bash
n=$((1 + 2
echo "$n"
