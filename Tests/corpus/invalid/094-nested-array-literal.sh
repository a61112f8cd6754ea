#!/bin/bash
matrix=(row1=(1 2) row2=(3 4))
echo "${matrix[@]}"
