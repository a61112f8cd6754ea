#!/bin/bash
if true; then
  echo ok
fi
fi
