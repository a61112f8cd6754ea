#!/bin/sh


# nothing but blank lines and comments

:
