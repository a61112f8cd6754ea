#!/bin/bash
; echo hello
