#!/bin/bash
coproc
