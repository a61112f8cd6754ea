#!/bin/bash
set_var=x() {
  echo "$1"
}
