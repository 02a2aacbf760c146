#!/usr/bin/env bash
# Checks the audit HTML report in a real headless browser (Chromium from Debian's packages):
# builds a report from Data/examples, loads it, and confirms that every row rendered and that the page's script
# ran (it writes "0 of N rows decided"). With an argument, also saves a screenshot there.
#   apt-get install -y chromium    # once
#   Scripts/check-html-report.sh [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "check-html-report: no chromium (apt-get install -y chromium)" >&2; exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build >/dev/null
.build/debug/onoma audit Data/examples --format html -o "$work/audit.html"
.build/debug/onoma audit Data/examples --format jsonl -o "$work/audit.jsonl"
rows=$(grep -c . "$work/audit.jsonl")
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$work/profile")
"$browser" "${flags[@]}" --virtual-time-budget=3000 --dump-dom "file://$work/audit.html" > "$work/dom.html" 2>/dev/null
rendered=$(grep -o '<tr class="row"' "$work/dom.html" | wc -l)
marks=$(grep -o '<mark>' "$work/dom.html" | wc -l)
summary=$(grep -o '[0-9]* of [0-9]* rows decided' "$work/dom.html" || true)
echo "rows in review: $rows; rows rendered: $rendered; marked names: $marks; script: ${summary:-did not run}"
if [ "$rows" -eq 0 ] || [ "$rendered" -ne "$rows" ] || [ "$marks" -lt "$rows" ] || [ "$summary" != "0 of $rows rows decided" ]; then
    echo "check-html-report: FAILED" >&2
    exit 1
fi
if [ $# -ge 1 ]; then
    "$browser" "${flags[@]}" --window-size=1400,1000 --screenshot="$1" "file://$work/audit.html" 2>/dev/null
    echo "screenshot: $1"
fi
echo "check-html-report: ok"
