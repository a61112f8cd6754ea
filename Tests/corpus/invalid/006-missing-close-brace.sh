#!/bin/bash
main() {
  echo "in main"
  return 0
main "$@"
