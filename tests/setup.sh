#!/bin/sh
# Installs what the tests need beyond npm: ffmpeg (test audio) and Chromium (browser tests), from Debian's packages,
# then the project's npm packages. Safe to run again: it installs only what is missing.
set -eu
cd "$(dirname "$0")/.."
missing=""
command -v ffmpeg >/dev/null 2>&1 || missing="$missing ffmpeg"
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing="$missing chromium"
if [ -n "$missing" ]; then
  echo "Installing from Debian:$missing"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
npm ci --no-audit --no-fund
