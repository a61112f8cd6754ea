#!/bin/bash
mkdir -p build &&
