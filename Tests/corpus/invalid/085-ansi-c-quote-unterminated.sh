#!/bin/bash
echo $'tab\t here
