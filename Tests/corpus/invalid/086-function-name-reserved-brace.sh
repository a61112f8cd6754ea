#!/bin/bash
{ () { echo x; }
