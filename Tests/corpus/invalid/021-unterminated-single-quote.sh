#!/bin/sh
echo 'this never ends
echo more
