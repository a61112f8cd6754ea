#!/bin/bash
function {
  echo anonymous
}
