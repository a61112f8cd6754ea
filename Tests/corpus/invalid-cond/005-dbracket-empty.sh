#!/bin/bash
if [[ ]]; then echo never; fi
