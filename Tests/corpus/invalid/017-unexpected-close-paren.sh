#!/bin/bash
echo hello )
