#!/bin/bash
case $file in
  (*.tar.gz|*.tgz) tar xzf "$file" ;;
  (*.zip) unzip "$file" ;;
  (*.[Bb][Zz]2) bunzip2 "$file" ;;
  ([!a-z]*) echo "starts with non-lower" ;;
  (?) echo single char ;;
  (*) echo "unknown: $file"
esac
