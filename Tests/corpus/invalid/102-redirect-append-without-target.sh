#!/bin/sh
echo line >>
