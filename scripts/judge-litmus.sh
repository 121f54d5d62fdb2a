#!/usr/bin/env bash
# Judges litmus tests the way the Linux kernel's tools/memory-model scripts do
# (checkalllitmus.sh running judgelitmus.sh on each test): run herd7 on the test,
# then compare herd7's output with the test's own "Result:" comment.
#
#   scripts/judge-litmus.sh TEST.litmus...
#
# The expected outcome is the third word of the first line of the test matching
# '^[( ]\* Result: ' -- Never, Sometimes, Always, Maybe or DEADLOCK -- and the
# test expects a data race when DATARACE follows that word. A test passes when
# herd7 printed an "Observation" line showing that outcome (DEADLOCK: "Never 0 0",
# no execution at all; Maybe: Sometimes), and printed "Flag data-race" exactly
# when a data race was expected.
#
# HERD7 is the herd7 command to run: by default the Litmus stand-in beside this
# script (HERD7=herd7 judges with the real herd7 on PATH). LKMM_HERD_OPTIONS holds
# its options, by default "-conf" with Litmus's bundled Linux-kernel preset.
# herd7's output for TEST is kept in $LKMM_DESTDIR/TEST.out when LKMM_DESTDIR is set.
#
# Prints one line per test and a count; exits 0 when every test passed, 1 if not.
set -uo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
herd7=${HERD7:-$here/herd7}
options=${LKMM_HERD_OPTIONS:--conf $here/../litmus/models/lkmm.cfg}
if [ $# -eq 0 ]; then
	echo "usage: $0 TEST.litmus..." >&2
	exit 2
fi
if [ -n "${LKMM_DESTDIR:-}" ]; then
	outdir=$LKMM_DESTDIR
else
	outdir=$(mktemp -d)
	trap 'rm -rf "$outdir"' EXIT
fi

# judge TEST OUTPUT: prints the outcome and succeeds, or prints what is wrong and fails.
judge() {
	local test=$1 output=$2 result expected observation observed race_expected=no race_flagged=no
	result=$(grep -m1 '^[( ]\* Result: ' "$test") || { echo "no Result: line to judge by"; return 1; }
	expected=$(echo "$result" | awk '{ print $3 }')
	echo "$result" | grep -q 'DATARACE' && race_expected=yes
	grep -q '^Flag data-race$' "$output" && race_flagged=yes

	if ! observation=$(grep -m1 '^Observation' "$output"); then
		if grep -q ': Unknown macro ' "$output"; then
			echo "uses a primitive the model does not know"
		else
			echo "no Observation line: $(head -n1 "$output")"
		fi
		return 1
	fi
	observed=$(echo "$observation" | awk '{ print $3 }')
	case $expected in
	DEADLOCK) [[ $observation == *" Never 0 0" ]] ;;
	Maybe) [ "$observed" = Sometimes ] ;;
	Never | Sometimes | Always) [ "$observed" = "$expected" ] ;;
	*) echo "unknown Result: word '$expected'"; return 1 ;;
	esac || { echo "expected $expected, herd7 says: $observation"; return 1; }
	if [ "$race_expected" != "$race_flagged" ]; then
		echo "data race expected: $race_expected, flagged: $race_flagged"
		return 1
	fi
	if [ "$race_expected" = yes ]; then echo "$expected DATARACE"; else echo "$expected"; fi
}

passed=0
failed=0
for test in "$@"; do
	output="$outdir/$(basename "$test").out"
	# The options are separate words, as the kernel's scripts pass them.
	# shellcheck disable=SC2086
	"$herd7" $options "$test" >"$output" 2>&1
	if verdict=$(judge "$test" "$output"); then
		passed=$((passed + 1))
		echo "ok      $test: $verdict"
	else
		failed=$((failed + 1))
		echo "FAILED  $test: $verdict"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
