#!/usr/bin/env bash
# System packages the add-on needs beyond Python (docs/dependencies.md):
# LibreOffice (headless Writer) turns the Word documents into PDF, the Noto CJK
# fonts give it 仿宋/黑体-like Chinese faces to embed, poppler-utils renders PDF
# pages for the docs. Installed with apt where we run as root; otherwise say
# what to install and go on (PDF downloads then answer a clear message).
set -uo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fc-list : family 2>/dev/null | grep "Noto Serif CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} (PDF documents with Chinese fonts) ..."
  export DEBIAN_FRONTEND=noninteractive
  for attempt in 1 2 3 4 5; do
    if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
      exit 0
    fi
    echo "apt-get failed (attempt $attempt; another install may hold the lock), retrying ..."
    sleep 15
  done
  echo "Could not install ${missing[*]}: PDF documents will not be available." >&2
  exit 0
fi
cat >&2 <<MSG
PDF documents need system packages that are not installed: ${missing[*]}
Install them as root, for instance:
  apt-get install --no-install-recommends ${missing[*]}
Until then the Word documents work and the PDF downloads say what is missing.
MSG
exit 0
