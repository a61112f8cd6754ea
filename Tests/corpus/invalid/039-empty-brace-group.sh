#!/bin/bash
{ }
echo after
