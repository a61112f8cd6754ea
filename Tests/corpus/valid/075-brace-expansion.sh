#!/bin/bash
echo {a,b,c}
echo file{1,2,3}.txt
echo {1..10}
echo {1..10..2}
echo {a..e}
echo {z..a..2}
echo {01..10}
mkdir -p dir/{src,bin,lib}/{x,y}
cp file{,.bak}
echo {a,b}{1,2}
echo {}
echo {a}
echo x{a,b{1,2}}y
