#!/bin/bash
grep foo <<<
