#!/bin/bash
function say() echo "$1"
say hi
