#!/bin/bash
while true; do
  break
fi
