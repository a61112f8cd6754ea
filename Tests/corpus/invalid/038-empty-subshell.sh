#!/bin/bash
( )
echo after
