#!/bin/sh
x=1
do echo "$x"
