#!/bin/bash
my func() {
  echo hi
}
