#!/bin/bash
echo list=(a b c)
