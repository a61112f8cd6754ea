#!/bin/bash
while true; do; break; done
