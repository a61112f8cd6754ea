#!/bin/bash
tee >(gzip > out.gz
echo never
