#!/bin/sh
f() { }
f
