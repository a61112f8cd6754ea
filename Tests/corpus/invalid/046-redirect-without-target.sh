#!/bin/bash
echo hello >
echo next
