#!/bin/bash
(( i = i + 1
echo $i
