#!/usr/bin/env bash
# Checks the audit review page in a real headless browser (Chromium from Debian's packages), and the review loop
# through it in one pass:
#  1. builds a report of Tests/browser/review-example.txt over Tests/browser/gazetteer.jsonl (invented names, so the
#     rows do not move when the built-in gazetteer grows) and loads it: every row rendered, every name marked, the
#     script ran;
#  2. Tests/browser/review-test.js, injected into a copy, decides as a curator would (a new entity with its type,
#     given and family names and a Russian alias; an "alias of" naming that new entity; a "not <id>" with near words;
#     an ignore), checks search and filters, then a second browser run on the same profile checks that every
#     decision came back from local storage and writes out the review file the page downloads;
#  3. `onoma gazetteer apply` takes that file in one pass, and normalize and explain honour what it wrote.
# With an argument, also saves a screenshot there.
#   apt-get install -y chromium    # once
#   Scripts/check-html-report.sh [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "check-html-report: no chromium (apt-get install -y chromium)" >&2; exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-html-report: FAILED: $*" >&2; exit 1; }
swift build >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
onoma=$PWD/.build/debug/onoma
export XDG_DATA_HOME="$work/data"   # a scratch user stoplist
cp Tests/browser/gazetteer.jsonl "$work/gazetteer.jsonl"
gazetteer="$work/gazetteer.jsonl"
g=(--no-default-gazetteer --gazetteer "$gazetteer")
example=Tests/browser/review-example.txt
"$onoma" audit "$example" "${g[@]}" --format html -o "$work/audit.html"
"$onoma" audit "$example" "${g[@]}" --format jsonl -o "$work/audit.jsonl"
rows=$(grep -c . "$work/audit.jsonl")
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$work/profile" --virtual-time-budget=3000)
"$browser" "${flags[@]}" --dump-dom "file://$work/audit.html" > "$work/dom.html" 2>/dev/null
rendered=$(grep -o '<tr class="row"' "$work/dom.html" | wc -l)
marks=$(grep -o '<mark>' "$work/dom.html" | wc -l)
summary=$(grep -o '[0-9]* of [0-9]* rows decided' "$work/dom.html" || true)
echo "rows in review: $rows; rows rendered: $rendered; marked names: $marks; script: ${summary:-did not run}"
if [ "$rows" -eq 0 ] || [ "$rendered" -ne "$rows" ] || [ "$marks" -lt "$rows" ] || [ "$summary" != "0 of $rows rows decided" ]; then
    fail "the page did not render"
fi

# The curator's pass, and the reload.
sed 's#</body>#<script src="review-test.js"></script></body>#' "$work/audit.html" > "$work/test.html"
cp Tests/browser/review-test.js "$work/"
for phase in decide check; do
    "$browser" "${flags[@]}" --dump-dom "file://$work/test.html#$phase" > "$work/$phase.html" 2>/dev/null
    result=$(python3 -c 'import html, re, sys
m = re.search(r"<div id=\"test-result\">(.*?)</div>", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m.group(1)) if m else "no result (the test script did not run)")' "$work/$phase.html")
    echo "browser, $phase: $result"
    [ "$result" = "PASS $phase" ] || fail "$result"
done
python3 -c 'import html, re, sys
m = re.search(r"<pre id=\"review-out\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S)
sys.stdout.write(html.unescape(m.group(1)))' "$work/check.html" > "$work/review.jsonl"

# One pass of apply: the new entity, the alias that points at it, the negative link and the ignored phrase.
"$onoma" gazetteer apply "$work/review.jsonl" "${g[@]}"
python3 - "$gazetteer" "$XDG_DATA_HOME/onoma/stoplist.txt" <<'EOF'
import json, sys
entities = {e["id"]: e for e in map(json.loads, filter(str.strip, open(sys.argv[1], encoding="utf-8")))}
new = entities.get("leitena-masudi") or sys.exit("no entity leitena-masudi")
checks = {
    "type person": new.get("type") == "person",
    "given and family": (new.get("given"), new.get("family")) == ("Leitena", "Masudi"),
    "Russian alias": {"text": "Лейтена Масуди", "lang": "ru"} in new.get("aliases", []),
    "alias from another row": "Tanaka Ichiro" in new.get("aliases", []),
    "negative link": {"text": "Quaylick", "near": ["port", "envoy"]} in entities.get("zorbin-quaylock", {}).get("not", []),
    "ignored phrase": "Ansel Brody" in open(sys.argv[2], encoding="utf-8").read().splitlines(),
}
bad = [k for k, ok in checks.items() if not ok]
if bad: sys.exit("apply wrote the wrong thing: " + ", ".join(bad))
print("gazetteer after apply: " + ", ".join(checks))
EOF
before=$(cksum < "$gazetteer")
"$onoma" gazetteer apply "$work/review.jsonl" "${g[@]}" >/dev/null 2>&1
[ "$(cksum < "$gazetteer")" = "$before" ] || fail "a second apply of the same review changed the gazetteer"
"$onoma" explain "Tanaka Ichiro" "${g[@]}" --context "Leitena Masudi spoke. Tanaka Ichiro left." | grep -q "^  resolved" \
    || fail "the alias that names the new entity does not resolve"
"$onoma" explain "Quaylick" "${g[@]}" --context "officials said Quaylick had left the port." | grep -q "ruled out" \
    || fail "explain does not show the negative link"
"$onoma" audit "$example" "${g[@]}" --format jsonl | grep -q '"key":"anselbrody"' && fail "the ignored phrase is still audited"
echo "review loop: one pass of apply; a second changes nothing; normalize, explain and audit honour it"
if [ $# -ge 1 ]; then
    "$browser" "${flags[@]}" --window-size=1400,1000 --screenshot="$1" "file://$work/audit.html" 2>/dev/null
    echo "screenshot: $1"
fi
echo "check-html-report: ok"
