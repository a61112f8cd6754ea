#!/bin/sh
false
|| echo recovered
