#!/bin/sh
# The dashboard's browser test drives Debian's Chromium (/usr/bin/chromium)
# through playwright-core. This runs before `npm test` and installs it with
# apt-get when it is missing and we may (root on Debian); otherwise it says
# what to install. No browser is ever downloaded by npm.
set -e
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "custody: installing Debian's chromium for the browser test..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "custody: the browser test needs /usr/bin/chromium: run 'sudo apt-get install chromium'" >&2
