#!/bin/sh
if() {
  echo reserved
}
