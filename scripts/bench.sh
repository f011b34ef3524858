#!/usr/bin/env bash
# Benchmarks: oxbox beside BusyBox and GNU in the same run, interleaved round
# by round so that machine noise hits all three alike. Prints the median time
# of each case and the ratios oxbox/BusyBox and oxbox/GNU (below 1 is faster).
# Speed is measured here, never asserted in tests.
#
#   scripts/bench.sh [ROUNDS]      (default 11 rounds)
#
# Start-up is also counted in instructions with callgrind when valgrind is
# there: that figure is repeatable on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-11}
TARGET=x86_64-unknown-linux-musl
OXBOX=$PWD/target/$TARGET/release/oxbox

if ! command -v busybox >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y busybox-static >/dev/null || { apt-get update >/dev/null && apt-get install -y busybox-static >/dev/null; }
    else
        echo "bench: needs busybox (apt-get install busybox-static)" >&2
        exit 1
    fi
fi
BUSYBOX=$(command -v busybox)
cargo build --release --quiet

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/oxbox" "$W/busybox"
for a in $("$OXBOX" --list); do ln -s "$OXBOX" "$W/oxbox/$a"; done
for a in $("$BUSYBOX" --list); do ln -s "$BUSYBOX" "$W/busybox/$a"; done
GNU_DIR=/usr/bin

# Each case is a function run with D set to the directory of one
# implementation's commands; it runs "$D/<applet>" as it likes.
case_true_x1000() {
    local i=0
    while [ $i -lt 1000 ]; do "$D/true"; i=$((i + 1)); done
}

CASES=(true_x1000)

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-22s %12s %12s %12s %10s %10s\n' case "oxbox ms" "busybox ms" "gnu ms" "ox/bb" "ox/gnu"
for c in "${CASES[@]}"; do
    : >"$W/oxbox.t"; : >"$W/busybox.t"; : >"$W/gnu.t"
    for _ in $(seq "$ROUNDS"); do
        for impl in oxbox busybox gnu; do
            if [ $impl = gnu ]; then D=$GNU_DIR; else D=$W/$impl; fi
            t0=$(now_us)
            "case_$c" >/dev/null
            t1=$(now_us)
            echo $((t1 - t0)) >>"$W/$impl.t"
        done
    done
    ox=$(median <"$W/oxbox.t"); bb=$(median <"$W/busybox.t"); gnu=$(median <"$W/gnu.t")
    awk -v c="$c" -v ox="$ox" -v bb="$bb" -v gnu="$gnu" 'BEGIN {
        printf "%-22s %12.1f %12.1f %12.1f %10.2f %10.2f\n", c, ox / 1000, bb / 1000, gnu / 1000, ox / bb, ox / gnu }'
done

if command -v valgrind >/dev/null; then
    echo
    echo "start-up in instructions (callgrind, total Ir of one 'true' run):"
    for impl in oxbox busybox gnu; do
        if [ $impl = gnu ]; then D=$GNU_DIR; else D=$W/$impl; fi
        ir=$(cd "$W" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$D/true" 2>&1 |
            awk '/Collected :/ { print $NF }')
        printf '  %-8s %10s\n' "$impl" "$ir"
    done
fi
