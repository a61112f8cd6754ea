#!/bin/sh
test -d out ||
