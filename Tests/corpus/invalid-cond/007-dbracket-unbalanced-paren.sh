#!/bin/bash
[[ ( -f a || -f b ]] && echo ok
