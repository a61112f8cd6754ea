#!/bin/sh
if false; then echo x; else
fi
