#!/bin/bash
if [[ -f ]]; then
  echo file
fi
