#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium (see docs/development.md).
# Install chromium, chromium-driver and the CJK fonts with apt when they are
# missing and we run as root; otherwise stop and say how. Never skip silently.
set -euo pipefail
PACKAGES="chromium chromium-driver fonts-noto-cjk"

have_all() {
    command -v chromium >/dev/null && command -v chromedriver >/dev/null \
        && command -v fc-list >/dev/null && fc-list :lang=zh-cn | grep -q .
}

have_all && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "browser tests: installing $PACKAGES with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
    have_all && exit 0
fi
cat >&2 <<MSG
The browser tests need Debian's Chromium, its driver and Chinese fonts, and they are
missing. Install them as root, then run make test again:

    sudo apt-get install $PACKAGES

MSG
exit 1
