#!/bin/bash
make &>
echo built
