#!/bin/bash
noop() ()
noop
