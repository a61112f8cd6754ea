#!/bin/bash
{ echo a; } extra
