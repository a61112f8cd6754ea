#!/bin/bash
cat <<
hello
