#!/usr/bin/env bash
# Installs what a fresh machine lacks (needs root or sudo for apt): Debian's Chromium (the demo
# and the Chromium end-to-end tests) when /usr/bin/chromium is missing, Firefox ESR (the Firefox
# end-to-end tests) when /usr/bin/firefox-esr is missing, unzip (web-ext lint reads the Firefox
# zip unpacked); then the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then missing+=(chromium); fi
if [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then missing+=(firefox-esr); fi
if ! command -v unzip >/dev/null 2>&1; then missing+=(unzip); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
