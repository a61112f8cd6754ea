#!/bin/bash
x=if
for in in in; do echo $in; done
for do in a; do echo $do; done
case in in in) echo in;; esac
case esac in (esac) echo esac;; esac
if=1
echo $if
