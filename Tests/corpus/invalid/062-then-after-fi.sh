#!/bin/bash
if true; then :; fi; then echo x
