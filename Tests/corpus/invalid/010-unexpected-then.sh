#!/bin/bash
echo start
then echo oops
