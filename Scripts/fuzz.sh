#!/usr/bin/env bash
# Fuzzes normalize (text and JSONL mode), the JSONL line reader and the gazetteer parser under libFuzzer with
# AddressSanitizer, with the losslessness, offset, determinism and idempotence assertions of Sources/onoma-fuzz.
#
#   Scripts/fuzz.sh [SECONDS]     (default 60; CI runs 60)
#
# First replays Tests/FuzzInputs/seeds (seeds and saved regressions), then fuzzes from them for SECONDS. The growing
# corpus stays in .build-fuzz/corpus between runs; an input that breaks a check is saved in .build-fuzz/artifacts
# (copy it into Tests/FuzzInputs/seeds once the defect is fixed). Exit status: libFuzzer's (0 when every run held).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
# lld: gold fails on the address-sanitized Swift objects.
swift build -c release --product onoma-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DONOMA_LIBFUZZER -Xswiftc -use-ld=lld
mkdir -p "$scratch/corpus" "$scratch/artifacts"
# A failed check aborts; Swift's own backtracer would then run under AddressSanitizer and bury the message.
export SWIFT_BACKTRACE=enable=no
bin="$scratch/release/onoma-fuzz"
# Regressions first: each saved input once (libFuzzer runs files given by name and stops).
"$bin" -artifact_prefix="$scratch/artifacts/" Tests/FuzzInputs/seeds/* 2>&1 | grep -E "Executed|ERROR|onoma-fuzz:" | tail -1
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1 \
    -dict=Tests/FuzzInputs/onoma.dict -artifact_prefix="$scratch/artifacts/" "$scratch/corpus" Tests/FuzzInputs/seeds
