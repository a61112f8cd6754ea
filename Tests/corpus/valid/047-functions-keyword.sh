#!/bin/bash
function a {
  echo a
}
function b() {
  echo b
}
function c
{
  echo c
}
function d () { echo d; }
function e ( echo subshell body )
