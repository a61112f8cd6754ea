#!/bin/bash
msg="hello world
echo $msg
