#!/bin/bash
case "$input" in
  [yY] | [yY][eE][sS] ) answer=yes ;;
  [nN]|[nN][oO]) answer=no ;;
  '') answer=empty ;;
  *\)*) echo "has paren" ;;
  "quoted|pipe") echo literal pipe ;;
  $var) echo matches var ;;
  ${prefix}*) echo prefixed ;;
  (esac) echo "esac as a pattern needs the open paren" ;;
  a|esac) echo "esac after | is fine" ;;
  in|do|done) echo reserved ;;
esac
