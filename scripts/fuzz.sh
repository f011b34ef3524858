#!/bin/sh
# Fuzz the parsers with cargo-fuzz (libFuzzer) on the stable toolchain:
#   scripts/fuzz.sh TARGET [SECONDS]     targets: fuzz/fuzz_targets/*.rs
# RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags to stable rustc.
# Prints libFuzzer's summary; a crash leaves its input under
# fuzz/artifacts/TARGET/ and makes the exit status non-zero.
set -eu
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
secs=${2:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
host=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p "fuzz/corpus/$target"
# The targets write nothing worth seeing: -close_fd_mask=3 closes their
# stdout and stderr.
RUSTC_BOOTSTRAP=1 cargo fuzz run --target "$host" "$target" -- \
    -max_total_time="$secs" -close_fd_mask=3 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
