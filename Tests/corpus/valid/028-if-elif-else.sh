#!/bin/bash
if [ "$1" = start ]; then
  echo starting
elif [ "$1" = stop ]; then
  echo stopping
elif [ "$1" = restart ]
then
  echo restarting
else
  echo "usage: $0 start|stop|restart"
  exit 2
fi
if true; then :; fi
if false; then echo a; else echo b; fi
