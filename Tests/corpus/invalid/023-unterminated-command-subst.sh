#!/bin/bash
now=$(date +%s
echo "$now"
