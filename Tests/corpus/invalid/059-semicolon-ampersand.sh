#!/bin/bash
echo a; & echo b
