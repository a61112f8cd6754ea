#!/bin/bash
shopt -s expand_aliases
alias ll='ls -l'
alias la='ls -A'
alias grep='grep --color=auto'
ll /tmp
alias
unalias la
alias g=git gs='git status'
