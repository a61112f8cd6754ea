#!/bin/bash
echo ${HOME
echo done
