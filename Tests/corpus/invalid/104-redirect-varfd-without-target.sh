#!/bin/bash
exec {logfd}>
echo hi >&$logfd
