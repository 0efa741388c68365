#!/usr/bin/env bash
# Installs what Kestrel needs to build, test and benchmark, from Debian's
# packages (only the missing ones; apt-get update runs only if something is).
set -euo pipefail
packages=(cmake g++ make pkg-config libgmp-dev libgtest-dev googletest python3
          libasmjit-dev libcapstone-dev pypy3 gnuplot-nox hyperfine valgrind time)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
