#!/usr/bin/env bash
# Opens a generated report in a real headless Chromium: the page must render
# the act number, the steps table and the duration chart, with no console
# errors. Installs Debian's chromium when it is missing. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser test: installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || {
    echo "browser test: cannot install chromium (apt-get failed)" >&2
    exit 1
  }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 004 first: the index lists documents in the order given.
cargo run --release --quiet -- report corpus/004_e9cea40fad9b84a2.txt corpus/000_e8b092f41b6b2e75.txt -o "$work/report"

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --hide-scrollbars "$@"
}

for page in 000_e8b092f41b6b2e75 004_e9cea40fad9b84a2; do
  url="file://$work/report/$page.html"
  chrome --dump-dom "$url" >"$work/$page.dom" 2>"$work/$page.log"
  grep -q 'class="act-number"' "$work/$page.dom" || { echo "browser test: $page: no act number" >&2; exit 1; }
  grep -q '<table class="steps"' "$work/$page.dom" || { echo "browser test: $page: no steps table" >&2; exit 1; }
  grep -q '<svg class="durations"' "$work/$page.dom" || { echo "browser test: $page: no duration chart" >&2; exit 1; }
  if grep -E 'CONSOLE|Uncaught' "$work/$page.log"; then
    echo "browser test: $page: console errors" >&2
    exit 1
  fi
done
grep -q '>164<' "$work/000_e8b092f41b6b2e75.dom" || { echo "browser test: act number 164 not rendered" >&2; exit 1; }
grep -q '>122<' "$work/004_e9cea40fad9b84a2.dom" || { echo "browser test: act number 122 not rendered" >&2; exit 1; }

# The index: a sortable table. The #sort=3 link clicks the "references"
# header once (ascending), which must put 000 (7 references) before 004 (25),
# the reverse of the order the index was written in.
chrome --dump-dom "file://$work/report/index.html#sort=3" >"$work/index.dom" 2>"$work/index.log"
grep -q 'id="documents"' "$work/index.dom" || { echo "browser test: no index table" >&2; exit 1; }
if grep -E 'CONSOLE|Uncaught' "$work/index.log"; then
  echo "browser test: index: console errors" >&2
  exit 1
fi
order=$(grep -o '[0-9]\{3\}_[0-9a-f]*\.html' "$work/index.dom" | head -2 | tr '\n' ' ')
[ "$order" = "000_e8b092f41b6b2e75.html 004_e9cea40fad9b84a2.html " ] || { echo "browser test: sort by references failed: $order" >&2; exit 1; }

chrome --window-size=1280,2200 --screenshot="$work/shot.png" "file://$work/report/000_e8b092f41b6b2e75.html" >/dev/null 2>&1
test -s "$work/shot.png" || { echo "browser test: no screenshot" >&2; exit 1; }
if [ -n "${KAZLEX_SCREENSHOT:-}" ]; then cp "$work/shot.png" "$KAZLEX_SCREENSHOT"; fi
echo "browser test: report pages render in Chromium (act number, steps table, chart, no console errors)"
