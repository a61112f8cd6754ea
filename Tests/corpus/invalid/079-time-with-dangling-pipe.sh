#!/bin/bash
time ls |
