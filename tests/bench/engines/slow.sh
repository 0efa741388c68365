#!/bin/sh
# Fake engine: never finishes (for the timeout check).
exec sleep 60
