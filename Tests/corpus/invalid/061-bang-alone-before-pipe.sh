#!/bin/bash
! | cat
