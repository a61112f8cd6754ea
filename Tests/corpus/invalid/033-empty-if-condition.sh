#!/bin/bash
if then
  echo x
fi
