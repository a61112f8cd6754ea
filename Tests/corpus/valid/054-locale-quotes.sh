#!/bin/bash
echo $"translatable string"
echo $"Hello $USER"
msg=$"Error: file not found"
