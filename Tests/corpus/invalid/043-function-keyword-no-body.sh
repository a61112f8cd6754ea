#!/bin/bash
function cleanup
echo after
