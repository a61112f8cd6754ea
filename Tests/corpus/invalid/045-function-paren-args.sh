#!/bin/bash
add(a, b) {
  echo $((a + b))
}
