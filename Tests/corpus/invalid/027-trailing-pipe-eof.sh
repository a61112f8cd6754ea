#!/bin/bash
ls -l |
