#!/bin/bash
ls -l
| grep foo
