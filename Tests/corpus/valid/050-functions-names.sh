#!/bin/bash
my-func() { echo dash; }
my.func() { echo dot; }
_private() { :; }
func:colon() { :; }
a1() { :; }
foo_bar_2() { :; }
function name-with-dash { :; }
