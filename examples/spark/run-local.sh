#!/usr/bin/env bash
# Runs examples/spark/normalize_job.py on Spark in local mode over real machine translation, checks that its output
# is byte-identical to one `onoma normalize --input-format jsonl` over the same input, and prints both timings.
# Then checks that a bad line without --skip-invalid fails the job with onoma's message.
#
#   examples/spark/run-local.sh [--systems N] [--partitions N] [--keep DIR]
#
# The input is made at run time from ../shared/eval/wmt22 (never copied into the repository): the MT output lines
# of the first N systems (default 2) of each language pair, one JSONL record a line, the text in "hyp" and a made-up
# document id in "doc" (runs of 8 lines, so that documents cross partition boundaries), with a few bad lines among
# them; and a small gazetteer file, shipped to the executors.
#
# Needs Java 17 and python3; installs pyspark with pip when it is missing. ONOMA=PATH uses that binary; otherwise
# Scripts/build-static.sh builds the static one (when nothing changed, it only checks it again: two seconds).
set -euo pipefail
cd "$(dirname "$0")/../.."
systems=2 partitions=6 keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --systems) systems="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        *) echo "usage: $0 [--systems N] [--partitions N] [--keep DIR]" >&2; exit 64 ;;
    esac
done
wmt22="../shared/eval/wmt22"
[ -f "$wmt22/manifest.json" ] || { echo "run-local: no $wmt22 (the shared evaluation folder)" >&2; exit 1; }

if ! command -v java >/dev/null; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless
fi
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet pyspark
spark_submit=$(python3 -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')

python3 examples/spark/test_normalize_job.py 2>&1 | tail -1 | sed 's/^/run-local: partition planning tests: /'
test "${PIPESTATUS[0]}" -eq 0

if [ -n "${ONOMA:-}" ]; then
    bin=$ONOMA
else
    Scripts/build-static.sh | tail -1
    bin=.build-static/onoma
fi
bin=$(realpath "$bin")

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/spark-out" "$work/spark-fail"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
# No user gazetteer or stoplist for the single process either (the job gives its executors an empty XDG_DATA_HOME).
export XDG_DATA_HOME="$work/xdg"

python3 - "$wmt22" "$systems" "$work/input.jsonl" <<'EOF'
import json, os, sys
wmt22, systems, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
bad = ['not json', '{"doc": "DOC", "hyp": 5}', '{"doc": "DOC"}', '', '{"hyp": "A line without a document id."}']
n = 0
with open(out, 'w', encoding='utf-8') as f:
    for pair in json.load(open(os.path.join(wmt22, 'manifest.json')))['pairs']:
        for system in pair['systems'][:systems]:
            for i, line in enumerate(open(os.path.join(wmt22, 'pairs', pair['name'], 'hyp', system + '.txt'),
                                          encoding='utf-8')):
                doc = f"{pair['pair']}/{system}/{i // 8}"
                f.write(json.dumps({'doc': doc, 'hyp': line.rstrip('\n')}, ensure_ascii=False) + '\n')
                n += 1
                if n % 997 == 0:  # a bad line inside a document: onoma passes it through, the document goes on
                    f.write(bad[n // 997 % len(bad)].replace('DOC', doc) + '\n')
EOF
# The README's example entity, to ship (it extends the built-in one).
cat > "$work/extra-gazetteer.jsonl" <<'EOF'
{"id": "katherine-tai", "name": "Katherine Tai", "type": "person", "aliases": [{"text": "戴琪", "lang": "zh"}]}
EOF
options=(--gazetteer "$work/extra-gazetteer.jsonl" --text-field hyp --doc-field doc)
echo "run-local: $(wc -l < "$work/input.jsonl") lines ($(du -h "$work/input.jsonl" | cut -f1)), $systems systems a pair"

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$1" "$2"; }
spark() {
    PYSPARK_PYTHON=$(command -v python3) SPARK_LOCAL_IP=127.0.0.1 "$spark_submit" --master 'local[2]' \
        --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        examples/spark/normalize_job.py --onoma "$bin" --partitions "$partitions" "${options[@]}" "$@"
}

t0=$(now)
"$bin" normalize --input-format jsonl "${options[@]}" --skip-invalid "$work/input.jsonl" -o "$work/single.jsonl" \
    2> "$work/single.log"
t1=$(now)
if ! spark --skip-invalid "file://$work/input.jsonl" "file://$work/spark-out" > "$work/spark.log" 2>&1; then
    cat "$work/spark.log" >&2
    echo "run-local: the Spark job failed" >&2
    exit 1
fi
t2=$(now)
cat "$work"/spark-out/part-* > "$work/spark.jsonl"
grep '^normalize_job:' "$work/spark.log" || true
used=$(find "$work/spark-out" -name 'part-*' -size +0 | wc -l)
echo "run-local: single process $(seconds "$t0" "$t1"); Spark local[2], $partitions partitions" \
    "($used with lines) $(seconds "$t1" "$t2")"

if ! cmp -s "$work/single.jsonl" "$work/spark.jsonl"; then
    {
        echo "run-local: the outputs differ ($(wc -l < "$work/single.jsonl") lines single, $(wc -l < "$work/spark.jsonl") Spark;" \
            "$(diff "$work/single.jsonl" "$work/spark.jsonl" | grep -c '^<') lines differ):"
        diff "$work/single.jsonl" "$work/spark.jsonl" | cut -c1-200 | head -20
    } >&2
    exit 1
fi
echo "run-local: identical: $(wc -l < "$work/spark.jsonl") lines, $(wc -c < "$work/spark.jsonl") bytes"

# Without --skip-invalid, onoma's error on a bad line fails the job, naming the line.
if spark "file://$work/input.jsonl" "file://$work/spark-fail" > "$work/spark-fail.log" 2>&1; then
    echo "run-local: the job succeeded over bad lines without --skip-invalid" >&2
    exit 1
fi
failure=$(grep -m1 '^normalize_job: onoma exited with status 1 on partition' "$work/spark-fail.log") || {
    tail -20 "$work/spark-fail.log" >&2; echo "run-local: the failure does not carry onoma's message" >&2; exit 1; }
echo "run-local: without --skip-invalid the job fails: ${failure#normalize_job: }"
