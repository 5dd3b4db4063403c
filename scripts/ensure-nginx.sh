#!/usr/bin/env bash
# The scale demo puts Debian's nginx in front of the app servers; install it when missing.
set -euo pipefail
command -v nginx >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "nginx is missing: run 'sudo apt-get install nginx-light'." >&2
  exit 1
fi
echo "Installing Debian's nginx for the scale demo…"
apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null
