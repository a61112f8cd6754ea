#!/bin/bash
{ ; }
echo x
