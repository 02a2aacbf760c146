#!/usr/bin/env bash
# Builds one onoma binary that runs on any Linux x86-64 with glibc: the Swift runtime and Foundation
# (--static-swift-stdlib), ICU, zlib and libstdc++ linked in statically, the built-in gazetteer and lexicons inside.
# Then checks that it needs nothing but the C library (ldd) and that it runs.
#
#   Scripts/build-static.sh [OUTPUT]     (default: .build-static/onoma)
#
# Needs the -dev packages the README lists (Debian's libicu-dev and zlib1g-dev ship the static libraries).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-static/onoma}"
scratch=.build-static
libs="$scratch/static-libs"
mkdir -p "$libs"
# A folder of the static archives only, searched first, so -licuuc and the others pick them over the shared ones.
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
for lib in icuuc icui18n icudata z; do ln -sf "/usr/lib/$multiarch/lib$lib.a" "$libs/lib$lib.a"; done
ln -sf "$(gcc -print-file-name=libstdc++.a)" "$libs/libstdc++.a"
swift build -c release --product onoma --static-swift-stdlib --scratch-path "$scratch" \
    -Xlinker -L"$PWD/$libs" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
mkdir -p "$(dirname "$out")"
strip -o "$out" "$scratch/release/onoma"

# Only the C library (libc, libm, the loader and the kernel's vDSO) may remain.
others=$(ldd "$out" | grep -vE '^\s*(linux-vdso\.so|libc\.so|libm\.so|/lib.*/ld-linux)' || true)
if [ -n "$others" ]; then
    echo "build-static: $out needs more than the C library:" >&2
    echo "$others" >&2
    exit 1
fi
result=$(echo "Premier Li Ke-chiang spoke." | env -i "$out" normalize)
if [ "$result" != "Premier Li Keqiang spoke." ]; then
    echo "build-static: $out does not normalize (got: $result)" >&2
    exit 1
fi
echo "build-static: $out ($(du -h "$out" | cut -f1)), needs only: $(ldd "$out" | awk '{print $1}' | tr '\n' ' ')"
