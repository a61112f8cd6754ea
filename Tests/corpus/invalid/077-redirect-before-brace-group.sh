#!/bin/bash
> out.log { echo logged; }
