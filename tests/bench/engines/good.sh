#!/bin/sh
# Fake engine: plain CPython.
exec /usr/bin/python3 "$@"
