#!/bin/bash
[[ a b ]] && echo yes
