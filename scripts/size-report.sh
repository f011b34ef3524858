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
# Every applet, without the fast regex engine (the C library's matcher only).
no_fast=$(build --no-default-features --features "$(sed -n '/^full = \[/,/^\]/p' Cargo.toml |
    grep -o '"[^"]*"' | tr -d '"' | grep -vx fast-regex | paste -sd, -)")
# Leave the full build in place for whoever runs next.
build >/dev/null

echo "oxbox size report (stripped, $TARGET, opt-level z, LTO)"
printf '  %-22s %10s bytes\n' full "$full" "full without fast-regex" "$no_fast" \
    minimal "$minimal" true-only "$true_only"

cargo build --profile release-syms --quiet
echo
echo "approximate share of the full build by applet and module (symbol bytes):"
shares=$(nm -C --size-sort -S -t d "$SYMS" | awk '
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
    }')
echo "$shares"

# The applets of each issue's group, summed (applets not in this build count 0).
echo
echo "by group of applets (symbol bytes of their modules):"
group() {
    label=$1
    shift
    echo "$shares" | awk -v label="$label" -v list=" $* " '
        $1 == "applet" && index(list, " " $2 " ") { sum += $3 }
        END { printf "  %-34s %9d\n", label, sum }'
}
group "foundation (echo printf test ...)" true false echo printf yes sleep basename dirname pwd env printenv \
    uname whoami id tty nproc test seq
group "files and directories (ls cp ...)" ls cp mv rm mkdir rmdir ln link unlink touch chmod chown stat \
    readlink realpath mktemp du df sync truncate install mknod mkfifo which dd split shred tree
group "text and data (cat sort ...)" cat tac rev head tail wc sort uniq cut paste join comm tr tee nl fold \
    expand unexpand fmt strings od hexdump xxd base64 base32 uuencode uudecode md5sum sha1sum sha256sum \
    sha512sum sha3sum cksum sum crc32 expr date cal factor shuf cmp tsort getopt
group "grep sed awk find xargs diff patch" grep sed awk find xargs diff patch
group "shell" sh
