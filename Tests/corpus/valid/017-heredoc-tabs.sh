#!/bin/bash
if true; then
	cat <<-EOF
	indented with tabs
		more tabs
	EOF
	cat <<-"QUOTED"
	$not_expanded
	QUOTED
fi
