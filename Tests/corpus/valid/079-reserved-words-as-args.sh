#!/bin/bash
echo if then else elif fi
echo for while until do done
echo case esac in select
echo function time
echo { } ! [[ ]]
printf '%s\n' if fi done
echo x if
echo then; echo fi
command if
echo do done
