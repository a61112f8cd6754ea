#!/bin/sh
echo hello
fi
