#!/bin/bash
true &&
false ||

echo after blank lines
echo a |

cat
if true &&
  true; then :; fi
