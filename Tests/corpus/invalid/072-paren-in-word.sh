#!/bin/sh
echo func(arg)
