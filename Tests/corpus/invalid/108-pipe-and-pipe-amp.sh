#!/bin/bash
make |& |
