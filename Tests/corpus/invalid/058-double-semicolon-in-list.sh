#!/bin/sh
echo a;; echo b
