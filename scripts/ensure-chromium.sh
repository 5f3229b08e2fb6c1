# shellcheck shell=bash
# Sourced by the test scripts: the browser tests drive Debian's Chromium (browser downloads do
# not work on these machines), installed with apt-get when it is missing.
if [ ! -x /usr/bin/chromium ]; then
  echo "chromium: installing Debian's chromium package"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
