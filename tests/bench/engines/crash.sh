#!/bin/sh
# Fake engine: fails like an unsupported feature would.
echo "Traceback (most recent call last):" >&2
echo '  File "x.py", line 1, in <module>' >&2
echo "NotImplementedError: fake engine cannot run anything" >&2
exit 1
