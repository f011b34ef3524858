#!/usr/bin/env bash
# Benchmarks: oxbox beside BusyBox and GNU in the same run, interleaved round
# by round so that machine noise hits all three alike. Prints the median time
# of each case and the ratios oxbox/BusyBox and oxbox/GNU (below 1 is faster).
# Speed is measured here, never asserted in tests.
#
#   scripts/bench.sh [ROUNDS [CASE...]]   (default 11 rounds, all cases;
#                                          a CASE may be a prefix: grep_)
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

case_test_x1000() {
    local i=0
    while [ $i -lt 1000 ]; do "$D/test" "$i" -lt 5000 -a -n x; i=$((i + 1)); done
}

case_seq_1m() { "$D/seq" 1000000; }

case_seq_fractions() { "$D/seq" 0 0.001 1000; }

NUMS=$(seq 1 50000)
# shellcheck disable=SC2086 # the numbers are to be split
case_printf_50k() { "$D/printf" '%d:%s\n' $NUMS; }

# Text workloads (issue "Coreutils II"): inputs made deterministically once
# per run: 100 MB of log lines, and 1M-line word and number files.
DATA=$W/data
mkdir -p "$DATA"
awk 'BEGIN {
    srand(42); split("GET POST PUT DELETE HEAD", m, " ");
    split("/ /index.html /api/v1/users /api/v1/items /static/app.js /login /logout /search", p, " ");
    n = 0; bytes = 0;
    while (bytes < 100000000) {
        n++;
        line = sprintf("2026-12-06T%02d:%02d:%02d.%03dZ host%d %s %s?id=%d %d %d %.3f", \
            (n / 3600000) % 24, (n / 60000) % 60, (n / 1000) % 60, n % 1000, n % 17, \
            m[1 + int(rand() * 5)], p[1 + int(rand() * 8)], int(rand() * 100000), \
            (rand() < 0.9) ? 200 : 404, int(rand() * 50000), rand() * 2);
        print line; bytes += length(line) + 1;
    }
}' >"$DATA/log"
awk 'BEGIN { srand(7); split("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", w, " ");
    for (i = 0; i < 1000000; i++) print w[1 + int(rand() * 12)] "," w[1 + int(rand() * 12)] "," int(rand() * 1000) }' >"$DATA/words"
awk 'BEGIN { srand(9); for (i = 0; i < 1000000; i++) print int(rand() * 1000000000) }' >"$DATA/nums"
# "word number" columns for the awk workloads.
awk -F, '{ print $1, $3 }' "$DATA/words" >"$DATA/cols"

case_cat_log() { "$D/cat" "$DATA/log"; }
case_wc_l_log() { "$D/wc" -l "$DATA/log"; }
case_wc_w_log() { "$D/wc" -w "$DATA/log"; }
case_wc_l_pipe() { "$D/cat" "$DATA/log" | "$D/wc" -l; }
case_head_300k() { "$D/head" -n 300000 "$DATA/log"; }
case_tail_50k() { "$D/tail" -n 50000 "$DATA/log"; }
case_tail_50k_pipe() { "$D/tail" -n 50000 <"$DATA/words"; }
case_cut_words() { "$D/cut" -d, -f2 "$DATA/words"; }
case_md5sum_log() { "$D/md5sum" "$DATA/log"; }
case_sha256sum_log() { "$D/sha256sum" "$DATA/log"; }
case_sort_words() { "$D/sort" "$DATA/words"; }
case_sort_n_nums() { "$D/sort" -n "$DATA/nums"; }
case_sort_uniq_c() { "$D/sort" "$DATA/words" | "$D/uniq" -c; }
case_tr_upper_log() { "$D/tr" a-z A-Z <"$DATA/log"; }
# Issue "grep, sed, awk, find ...": the 100 MB log. GNU grep stops at the
# first match when its output is /dev/null, so these write to a file.
OUT=$W/out
case_grep_F_log() { "$D/grep" -F 'api/v1/items?id=4242' "$DATA/log" >"$OUT"; }
case_grep_E_alt_log() { "$D/grep" -E 'DELETE|logout' "$DATA/log" >"$OUT"; }
case_grep_ci_log() { "$D/grep" -c -i 'get /search' "$DATA/log" >"$OUT"; }
case_grep_v_log() { "$D/grep" -v ' 200 ' "$DATA/log" >"$OUT"; }
case_grep_o_log() { "$D/grep" -o 'host1[0-9]' "$DATA/log" >"$OUT"; }
# A UTF-8 locale: `.` is a character there.
case_grep_utf8_dot_log() { LC_ALL=C.UTF-8 "$D/grep" -c 'P.T /api/v1/items?id=4242' "$DATA/log" >"$OUT"; }
case_sed_s_g_log() { "$D/sed" 's/a/b/g' "$DATA/log"; }
case_sed_n_p_log() { "$D/sed" -n '/logout/p' "$DATA/log"; }
# UTF-8: word assertions and submatches take characters there.
case_grep_utf8_word_log() { LC_ALL=C.UTF-8 "$D/grep" -c '\<logout\>' "$DATA/log" >"$OUT"; }
case_sed_utf8_groups_log() { LC_ALL=C.UTF-8 "$D/sed" 's/\(host\w*\) \(\w*\)/\2 \1/' "$DATA/log"; }
# awk: the GNU column is the system's awk (gawk or mawk).
case_awk_sum_cols() { "$D/awk" '{s+=$2} END{print s}' "$DATA/cols"; }
case_awk_count_cols() { "$D/awk" '{c[$1]++} END{for(k in c) print k,c[k]}' "$DATA/cols"; }
# The same with mawk in the GNU column (when it is installed).
AWK_OTHER=$(command -v mawk || echo "$GNU_DIR/awk")
other_awk() { if [ "$D" = "$GNU_DIR" ]; then "$AWK_OTHER" "$@"; else "$D/awk" "$@"; fi; }
case_awk_sum_cols_mawk() { other_awk '{s+=$2} END{print s}' "$DATA/cols"; }
case_awk_count_cols_mawk() { other_awk '{c[$1]++} END{for(k in c) print k,c[k]}' "$DATA/cols"; }
# File and directory workloads (issue "Coreutils I"): a tree of 20,000 small
# files in 200 directories, and a 200 MB file. A prep_<case> function, when
# there is one, runs before each timed run (outside the timing).
TREE=$W/tree
for d in $(seq 200); do
    mkdir -p "$TREE/d$d"
    for f in $(seq 100); do echo "file $d/$f" >"$TREE/d$d/f$f.txt"; done
done
cat "$DATA/log" "$DATA/log" >"$DATA/big"

prep_cp_r_tree() { rm -rf "$W/cpdst"; }
case_awk_sum_log() { "$D/awk" '{ s += $(NF-1) } END { print s }' "$DATA/log"; }
case_awk_count_log() { "$D/awk" '{ c[$3]++ } END { for (k in c) print k, c[k] }' "$DATA/log"; }
case_awk_fields_log() { "$D/awk" '$7 == 404 { print $2, $4 }' "$DATA/log"; }
case_cp_r_tree() { "$D/cp" -r "$TREE" "$W/cpdst"; }
case_ls_lR_tree() { "$D/ls" -lR "$TREE"; }
case_du_s_tree() { "$D/du" -s "$TREE"; }
case_find_name_tree() { "$D/find" "$TREE" -name 'f1*.txt'; }
prep_dd_1M_200m() { rm -f "$W/ddout"; }
case_dd_1M_200m() { "$D/dd" if="$DATA/big" of="$W/ddout" bs=1M 2>/dev/null; }

# diff: 100k lines against a copy with scattered changes (1 line in 10
# changed, deleted or added around), and 50k lines against a shuffled copy
# (the search's worst case: GNU's cost limit bounds it).
awk 'BEGIN { srand(11); for (i = 0; i < 100000; i++) printf "line %d %d some text here\n", i, int(rand() * 1000) }' >"$DATA/diff_a"
awk 'BEGIN { srand(3) } { r = rand(); if (r < 0.1) print "changed " $0; else if (r < 0.15) next; else if (r < 0.2) { print; print "ins " NR } else print }' "$DATA/diff_a" >"$DATA/diff_b"
head -n 50000 "$DATA/diff_a" >"$DATA/diff_h"
awk 'BEGIN { srand(5) } { printf "%.9f\t%s\n", rand(), $0 }' "$DATA/diff_h" | sort -k1,1 | cut -f2- >"$DATA/diff_s"
case_diff_scattered() { "$D/diff" "$DATA/diff_a" "$DATA/diff_b" >"$OUT" || true; }
case_diff_u_scattered() { "$D/diff" -u "$DATA/diff_a" "$DATA/diff_b" >"$OUT" || true; }
case_diff_shuffled() { "$D/diff" "$DATA/diff_h" "$DATA/diff_s" >"$OUT" || true; }

CASES=(true_x1000 test_x1000 seq_1m seq_fractions printf_50k
    cat_log wc_l_log wc_w_log wc_l_pipe head_300k tail_50k tail_50k_pipe
    cut_words md5sum_log sha256sum_log sort_words sort_n_nums sort_uniq_c
    tr_upper_log grep_F_log grep_E_alt_log grep_ci_log grep_v_log grep_o_log grep_utf8_dot_log
    sed_s_g_log sed_n_p_log grep_utf8_word_log sed_utf8_groups_log awk_sum_cols awk_count_cols awk_sum_cols_mawk awk_count_cols_mawk
    awk_sum_log awk_count_log awk_fields_log
    cp_r_tree ls_lR_tree du_s_tree find_name_tree dd_1M_200m
    diff_scattered diff_u_scattered diff_shuffled)
# Only the cases whose applets this build has: a case is named after its
# first applet.
HAVE=" $("$OXBOX" --list | tr '\n' ' ') "
RUN=()
for c in "${CASES[@]}"; do
    case $HAVE in *" ${c%%_*} "*) RUN+=("$c") ;; *) echo "bench: skipping $c (no ${c%%_*} in this build)" >&2 ;; esac
done
CASES=("${RUN[@]}")
if [ $# -gt 1 ]; then
    shift
    RUN=()
    for c in "${CASES[@]}"; do
        for want in "$@"; do
            case $c in "$want"*) RUN+=("$c"); break ;; esac
        done
    done
    CASES=("${RUN[@]}")
fi

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-22s %12s %12s %12s %10s %10s\n' case "oxbox ms" "busybox ms" "gnu ms" "ox/bb" "ox/gnu"
for c in "${CASES[@]}"; do
    : >"$W/oxbox.t"; : >"$W/busybox.t"; : >"$W/gnu.t"
    for _ in $(seq "$ROUNDS"); do
        for impl in oxbox busybox gnu; do
            if [ $impl = gnu ]; then D=$GNU_DIR; else D=$W/$impl; fi
            if declare -F "prep_$c" >/dev/null; then "prep_$c"; fi
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
