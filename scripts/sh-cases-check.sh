#!/bin/sh
# Runs the shell case files (tests/sh_cases/<section>/<name>.sh) under
# reference shells and reports where they differ from the expected files.
#
#   scripts/sh-cases-check.sh [CASE.sh|SECTION]...   check (default: all)
#   scripts/sh-cases-check.sh --new CASE.sh...        write missing .out,
#       .status (from dash) and .err (from busybox ash), saying where
#       dash and ash disagree so the case can be settled by hand.
#
# Each case runs as the test harness runs it: copied into an empty temp
# dir, `SHELL NAME.sh`, with env -i PATH LC_ALL=C TZ=UTC HOME=<dir>. The
# stdout and status are compared under dash and ash; stderr under ash only
# (dash words its messages differently). A case whose comment says
# "dash differs" ("busybox differs") is expected to differ under dash
# (under busybox ash).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cases=$root/tests/sh_cases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ash-bin" "$tmp/dash-bin"
ln -s "$(command -v busybox)" "$tmp/ash-bin/sh"
ln -s "$(command -v dash)" "$tmp/dash-bin/sh"

# run SHELL-NAME CASE: leaves out, err, status in $tmp/SHELL-NAME.*
run() {
	d=$tmp/run
	rm -rf "$d"
	mkdir "$d"
	name=$(basename "$2")
	cp "$2" "$d/$name"
	inp=${2%.sh}.in
	[ -f "$inp" ] || inp=/dev/null
	(cd "$d" && env -i PATH="$tmp/$1-bin:/usr/bin:/bin" LC_ALL=C TZ=UTC HOME="$d" \
		"$tmp/$1-bin/sh" "$name" <"$inp" >"$tmp/$1.out" 2>"$tmp/$1.err")
	echo $? >"$tmp/$1.status"
}

new=false
if [ "${1:-}" = --new ]; then
	new=true
	shift
fi
[ $# -eq 0 ] && set -- "$cases"/*
list=
for a in "$@"; do
	if [ -d "$a" ]; then
		list="$list $(ls "$a"/*.sh)"
	elif [ -d "$cases/$a" ]; then
		list="$list $(ls "$cases/$a"/*.sh)"
	else
		list="$list $a"
	fi
done

bad=0
total=0
for c in $list; do
	total=$((total + 1))
	base=${c%.sh}
	run dash "$c"
	run ash "$c"
	if $new; then
		[ -f "$base.out" ] || cp "$tmp/dash.out" "$base.out"
		if [ ! -f "$base.status" ] && [ "$(cat "$tmp/dash.status")" != 0 ]; then
			cp "$tmp/dash.status" "$base.status"
		fi
		if [ ! -f "$base.err" ] && [ -s "$tmp/ash.err" ]; then
			cp "$tmp/ash.err" "$base.err"
		fi
		if ! cmp -s "$tmp/dash.out" "$tmp/ash.out" || ! cmp -s "$tmp/dash.status" "$tmp/ash.status"; then
			echo "== $c: dash and ash disagree"
			diff "$tmp/dash.out" "$tmp/ash.out" | head -20
			echo "status dash $(cat "$tmp/dash.status") ash $(cat "$tmp/ash.status")"
		fi
		continue
	fi
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	[ -f "$base.out" ] || : >"$base.out.missing"
	for s in dash ash; do
		msg=
		cmp -s "$tmp/$s.out" "$base.out" || msg="$msg stdout"
		[ "$(cat "$tmp/$s.status")" = "$want_status" ] || msg="$msg status($(cat "$tmp/$s.status"))"
		if [ $s = ash ]; then
			if [ -f "$base.err" ]; then
				cmp -s "$tmp/ash.err" "$base.err" || msg="$msg stderr"
			else
				[ -s "$tmp/ash.err" ] && msg="$msg stderr"
			fi
		fi
		if [ -n "$msg" ]; then
			if [ $s = dash ] && grep -q 'dash differs' "$c"; then
				continue
			fi
			if [ $s = ash ] && grep -q 'busybox differs' "$c"; then
				continue
			fi
			bad=$((bad + 1))
			echo "== $c: $s differs in$msg"
			diff "$base.out" "$tmp/$s.out" | head -10
			[ $s = ash ] && [ -n "${msg##*stderr*}" ] || { [ $s = ash ] && diff "${base}.err" "$tmp/ash.err" 2>/dev/null | head -5; }
		fi
	done
	rm -f "$base.out.missing"
done
echo "$total cases, $bad differences"
[ $bad -eq 0 ]
