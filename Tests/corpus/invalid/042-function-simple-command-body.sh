#!/bin/bash
greet() echo hello
greet
