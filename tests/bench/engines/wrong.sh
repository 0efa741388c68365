#!/bin/sh
# Fake engine: runs CPython but corrupts every digit of stdout (a wrong answer, exit status 0).
/usr/bin/python3 "$@" | sed 's/[0-9]/7/g'
