#!/usr/bin/env bash
# Load test of `onoma serve` with wrk: a mixed workload (Scripts/load-serve/mixed.lua: normalize of a news
# paragraph, match, entity look-up) on loopback, with the built-in gazetteer plus Scripts/load-serve/gazetteer.jsonl
# (invented names). Reports requests/s, p50/p90/p99 latency and errors for each round, and the server's resident
# memory before the first round and after each, so a leak shows as growth from round to round.
#
#   Scripts/load-serve.sh [BINARY]     (default: .build/release/onoma, built if missing)
#
# Environment: ROUNDS (default 3), DURATION per round (default 20s), CONNECTIONS (default 8), THREADS (wrk's, default 2).
# Installs wrk with apt-get when it is missing (Debian's package `wrk`). Sends traffic to 127.0.0.1 only; the server
# is started on a free port and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/onoma}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-8}"
threads="${THREADS:-2}"

if ! command -v wrk >/dev/null; then
    apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi
if [ ! -x "$bin" ]; then
    swift build -c release --product onoma
fi

scratch=$(mktemp -d)
server=""
stop() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$scratch"
}
trap stop EXIT
# A fresh HOME: no user gazetteer or stoplist changes what is measured.
HOME="$scratch" XDG_DATA_HOME="$scratch/xdg" "$bin" serve --port 0 --gazetteer Scripts/load-serve/gazetteer.jsonl \
    2>"$scratch/stderr" &
server=$!
for _ in $(seq 600); do
    grep -q "listening on" "$scratch/stderr" && break
    kill -0 "$server" 2>/dev/null || { cat "$scratch/stderr" >&2; exit 1; }
    sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$scratch/stderr" | head -1)
[ -n "$url" ] || { echo "load-serve: the server did not say where it listens" >&2; cat "$scratch/stderr" >&2; exit 1; }

rss() { awk '/^VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$server/status"; }
# Warm up: every route once, so the first round does not pay for first-touch allocations alone.
curl -sf "$url/healthz" >/dev/null
wrk -t1 -c1 -d2s -s Scripts/load-serve/mixed.lua "$url" >/dev/null
echo "load-serve: $("$bin" --version), $(nproc) cores, $threads wrk threads, $connections connections, $rounds rounds of $duration"
echo "load-serve: server RSS before: $(rss)"
for round in $(seq "$rounds"); do
    echo "load-serve: round $round"
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Scripts/load-serve/mixed.lua "$url" | grep '^load-serve:'
    echo "load-serve: server RSS after round $round: $(rss)"
done
