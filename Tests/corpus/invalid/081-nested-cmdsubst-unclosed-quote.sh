#!/bin/bash
x="$(echo "inner)"
