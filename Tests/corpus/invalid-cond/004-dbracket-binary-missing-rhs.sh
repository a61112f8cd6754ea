#!/bin/bash
[[ $a == ]] && echo empty
