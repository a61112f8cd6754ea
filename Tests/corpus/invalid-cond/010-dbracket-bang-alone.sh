#!/bin/bash
[[ ! ]] && echo x
