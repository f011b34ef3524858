#!/usr/bin/env bash
# Shell benchmarks: oxbox sh beside dash, BusyBox ash and bash in the same
# run, interleaved round by round. Prints each workload's median time and
# the ratios oxbox/dash, oxbox/ash and oxbox/bash (below 1 is faster).
#
#   scripts/bench-sh.sh [ROUNDS [CASE...]]   (default 7 rounds, all cases)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-7}
TARGET=x86_64-unknown-linux-musl
OXBOX=$PWD/target/$TARGET/release/oxbox
cargo build --release --quiet
if ! "$OXBOX" --list | grep -qx sh; then
    echo "bench-sh: this build has no sh" >&2
    exit 1
fi
for need in dash busybox bash; do
    command -v $need >/dev/null || { echo "bench-sh: needs $need" >&2; exit 1; }
done

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
ln -s "$OXBOX" "$W/sh"
ln -s "$(command -v busybox)" "$W/ash"
seq 50000 | sed 's/$/ some words on a line/' >"$W/lines"

# Each workload is a script run by every shell as `SHELL -c SCRIPT`.
declare -A SCRIPT
SCRIPT[while_arith_200k]='i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done'
SCRIPT[expansions_50k]='v=/usr/local/lib/libfoo.so.1.2.3; i=0
while [ $i -lt 50000 ]; do a=${v#*/}; b=${v##*/}; c=${v%.*}; d=${v%%.*}; e=${#v}; i=$((i + 1)); done'
SCRIPT[function_calls_100k]='f() { r=$1; }; i=0; while [ $i -lt 100000 ]; do f $i; i=$((i + 1)); done'
SCRIPT[case_100k]='i=0; while [ $i -lt 100000 ]; do
case $i in *0) a=0 ;; *[13579]) a=odd ;; [2468]*) a=lead ;; *) a=other ;; esac; i=$((i + 1)); done'
SCRIPT[while_read_50k]="n=0; while read -r a b; do n=\$((n + 1)); done <'$W/lines'"
SCRIPT[external_and_subst_1k]='i=0; while [ $i -lt 1000 ]; do /bin/true; x=$(echo x); i=$((i + 1)); done'
CASES=(while_arith_200k expansions_50k function_calls_100k case_100k while_read_50k external_and_subst_1k)
if [ $# -gt 1 ]; then shift; CASES=("$@"); fi
IMPLS=("$W/sh" dash "$W/ash" bash)

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-24s %9s %9s %9s %9s %8s %8s %8s\n' case "oxbox ms" "dash ms" "ash ms" "bash ms" ox/dash ox/ash ox/bash
for c in "${CASES[@]}"; do
    for k in 0 1 2 3; do : >"$W/t$k"; done
    for _ in $(seq "$ROUNDS"); do
        for k in 0 1 2 3; do
            t0=$(now_us)
            "${IMPLS[$k]}" -c "${SCRIPT[$c]}" >/dev/null
            t1=$(now_us)
            echo $((t1 - t0)) >>"$W/t$k"
        done
    done
    awk -v c="$c" -v a="$(median <"$W/t0")" -v b="$(median <"$W/t1")" \
        -v d="$(median <"$W/t2")" -v e="$(median <"$W/t3")" 'BEGIN {
        printf "%-24s %9.1f %9.1f %9.1f %9.1f %8.2f %8.2f %8.2f\n", c, a / 1000, b / 1000, d / 1000, e / 1000, a / b, a / d, a / e }'
done
