#!/bin/bash
. ./lib.sh
source ~/.bashrc
. "${CONFIG_DIR:-/etc}/app.conf"
[ -f /etc/default/app ] && . /etc/default/app
