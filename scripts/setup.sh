#!/usr/bin/env bash
# Installs what a fresh machine lacks: Debian's Chromium (for the demo and the end-to-end tests,
# when /usr/bin/chromium is missing; needs root or sudo) and the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium package"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund
