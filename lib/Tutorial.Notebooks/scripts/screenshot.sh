#!/usr/bin/env bash
# Takes a headless-Chromium screenshot of a page of the offline site, to check by eye that charts are drawn.
# Chromium gets no network (background networking off, and the page needs none): a drawn chart proves the
# site's local plotly.js works.
#
# Usage: lib/Tutorial.Notebooks/scripts/screenshot.sh [PAGE.html] [OUT.png] [WIDTHxHEIGHT]
#   PAGE.html  default: the first lesson page of artifacts/site (run the runner first)
#   OUT.png    default: artifacts/screenshots/<page>.png
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
site="$root/artifacts/site"

page="${1:-$(ls "$site"/[0-9]*.html 2>/dev/null | head -n 1 || true)}"
if [ -z "$page" ] || [ ! -f "$page" ]; then
  echo "error: no page to screenshot; run 'dotnet run --project lib/Tutorial.Notebooks' first or pass PAGE.html" >&2
  exit 2
fi
page="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
out="${2:-$root/artifacts/screenshots/$(basename "${page%.html}").png}"
size="${3:-1000x2400}"
mkdir -p "$(dirname "$out")"

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "error: $chromium is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 2
  fi
fi

# --virtual-time-budget lets plotly.js finish drawing before the capture.
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --virtual-time-budget=5000 --window-size="${size/x/,}" \
  --screenshot="$out" "file://$page" >/dev/null 2>&1
echo "$out"
