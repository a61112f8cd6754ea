#!/bin/bash
until false; do
  echo loop; break
