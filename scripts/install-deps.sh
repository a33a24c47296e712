#!/usr/bin/env bash
# Installs the Debian packages grate needs, only those missing. Safe to run again.
set -euo pipefail
packages=(build-essential cmake pkg-config libeigen3-dev libboost-program-options-dev libfmt-dev
          libyaml-cpp-dev doctest-dev libfast-float-dev libxlsxwriter-dev python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
