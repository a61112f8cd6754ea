#!/bin/bash
[[ $a -foo $b ]] && echo x
