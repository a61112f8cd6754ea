#!/bin/sh
cd /tmp
)
