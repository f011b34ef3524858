#!/bin/sh
# Size report: stripped bytes of the release binary for the `full`, `minimal`
# and `true`-only builds, then each applet's approximate share of `full`
# (symbol sizes from an unstripped build, grouped by module, in the manner of
# toybox's bloatcheck). Inlining under LTO moves some bytes between groups,
# so the per-applet figures are estimates; the totals are exact.
set -eu
cd "$(dirname "$0")/.."
TARGET=x86_64-unknown-linux-musl
BIN=target/$TARGET/release/oxbox
SYMS=target/$TARGET/release-syms/oxbox

size_of() { wc -c < "$1" | tr -d ' '; }

build() { cargo build --release --quiet "$@"; size_of "$BIN"; }

full=$(build)
minimal=$(build --no-default-features --features minimal)
true_only=$(build --no-default-features --features true)
# Leave the full build in place for whoever runs next.
build >/dev/null

echo "oxbox size report (stripped, $TARGET, opt-level z, LTO)"
printf '  %-12s %10s bytes\n' full "$full" minimal "$minimal" true-only "$true_only"

cargo build --profile release-syms --quiet
echo
echo "approximate share of the full build by applet and module (symbol bytes):"
nm -C --size-sort -S -t d "$SYMS" | awk '
    {
        size = $2 + 0
        name = $0
        sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", name)
        sub(/^</, "", name)
        if (name ~ /^oxbox::applets::(find|TABLE)/) {
            group = "shared applet table"
        } else if (name ~ /^oxbox::applets::/) {
            n = name; sub(/^oxbox::applets::/, "", n); sub(/[:> ].*/, "", n)
            group = "applet " n
        } else if (name ~ /^oxbox::[a-z_]+::/) {
            n = name; sub(/^oxbox::/, "", n); sub(/[:> ].*/, "", n)
            group = "shared " n
        } else if (name ~ /^oxbox::/) {
            group = "shared lib"
        } else if (name ~ /^(gimli|addr2line|miniz_oxide|rustc_demangle|libunwind|object)::/ || name ~ /backtrace/) {
            group = "rust std: panic backtraces"
        } else if (name ~ /^(std|core|alloc)::/) {
            group = "rust std/core/alloc"
        } else if (name ~ /^libc::/) {
            group = "libc crate"
        } else {
            group = "C library (musl) and other"
        }
        bytes[group] += size
        total += size
    }
    END {
        for (g in bytes) printf "  %-34s %9d\n", g, bytes[g] | "sort -t\"\t\" -k1,1"
        close("sort -t\"\t\" -k1,1")
        printf "  %-34s %9d\n", "total in symbols", total
    }'
