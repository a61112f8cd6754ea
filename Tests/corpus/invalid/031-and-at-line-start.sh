#!/bin/bash
make
&& make install
