#!/bin/sh
case "$1" in
  start)
    echo start
    ;;
  stop|halt)
    echo stop
    ;;
  "re"*)
    echo restart
    ;;
  *)
    echo unknown
    ;;
esac
case x in x) echo x;; esac
case y in
esac
