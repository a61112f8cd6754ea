#!/bin/bash
shopt -s extglob
classify() {
  case $1 in
    +([0-9])) echo integer ;;
    ?([-+])+([0-9]).+([0-9])) echo decimal ;;
    @(yes|no|y|n)) echo answer ;;
    !(*[![:alnum:]_]*)) echo identifier ;;
    *) echo other ;;
  esac
}
