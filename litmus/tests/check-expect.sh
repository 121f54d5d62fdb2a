#!/bin/sh
# Check every golden test: the .expect file exists and has exactly the
# lines "sc V", "tso V", "lkmm V" (V one of Never/Sometimes/Always), and
# its lkmm verdict equals the test's "Result:" comment (the third word of
# the first line matching '^[( ]\* Result: ', as the kernel scripts read it).
# Usage: sh litmus/tests/check-expect.sh   (exit status 1 on any problem)

dir=$(dirname "$0")
fail=0
count=0
for t in "$dir"/*/*.litmus; do
	count=$((count + 1))
	e=${t%.litmus}.expect
	if [ ! -f "$e" ]; then
		echo "missing: $e"; fail=1; continue
	fi
	if ! awk 'NR==1 && $1=="sc" && NF==2 {n++}
		NR==2 && $1=="tso" && NF==2 {n++}
		NR==3 && $1=="lkmm" && NF==2 {n++}
		$2 !~ /^(Never|Sometimes|Always)$/ {bad=1}
		END {exit !(n==3 && NR==3 && !bad)}' "$e"; then
		echo "malformed: $e"; fail=1; continue
	fi
	result=$(grep -m1 '^[( ]\* Result: ' "$t" | awk '{print $3}')
	lkmm=$(awk '$1=="lkmm" {print $2}' "$e")
	if [ "$result" != "$lkmm" ]; then
		echo "mismatch: $t says Result: '$result', $e says lkmm $lkmm"
		fail=1
	fi
	name=$(basename "$t" .litmus)
	first=$(head -n1 "$t")
	if [ "$first" != "C $name" ]; then
		echo "name: $t starts with '$first'"; fail=1
	fi
done
for e in "$dir"/*/*.expect; do
	[ -f "${e%.expect}.litmus" ] || { echo "orphan: $e"; fail=1; }
done
echo "$count tests checked"
exit $fail
