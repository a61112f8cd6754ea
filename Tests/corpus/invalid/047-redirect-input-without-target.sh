#!/bin/sh
sort < | uniq
