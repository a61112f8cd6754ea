#!/bin/bash
diff <(sort a.txt <(sort b.txt)
