#!/bin/bash
x=`echo hi\`
echo "$x"
