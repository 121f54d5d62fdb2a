#!/usr/bin/env bash
# Prints speed and memory figures for Litmus on this machine (no pass/fail: figures for the docs).
#   scripts/benchmark.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$repo/src/Litmus.Cli" -c Release -v quiet -nologo >/dev/null
litmus=(dotnet "$repo/src/Litmus.Cli/bin/Release/net10.0/litmus.dll")
measure() { # label, command...
  local label=$1; shift
  local figures out status=0
  figures=$(mktemp)
  /usr/bin/time -o "$figures" -f "%e %M" "$@" >/dev/null 2>&1 || status=$?
  out=$(tail -1 "$figures"); rm -f "$figures"
  printf '%-52s %8.2f s %8d MiB%s\n' "$label" "${out% *}" "$(( ${out#* } / 1024 ))" \
    "$([ "$status" -eq 0 ] || echo "  (exit $status: not all as expected)")"
}
echo "Litmus benchmark, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-52s %10s %12s\n' "job" "wall" "max RSS"
measure "bundled tests (litmus/tests, lkmm+membarrier)" "${litmus[@]}" check "$repo/litmus/tests"
measure "bundled tests under tso" "${litmus[@]}" check --model tso "$repo/litmus/tests"
measure "bundled tests, --jobs 2" "${litmus[@]}" check --jobs 2 "$repo/litmus/tests"
measure "pairing table (54 generated tests)" "${litmus[@]}" table
if [ -d "$repo/litmus/membarrier" ]; then
  measure "membarrier suite (litmus/membarrier)" "${litmus[@]}" check "$repo/litmus/membarrier"
fi
corpus="$repo/../shared/corpus"
if [ -d "$corpus" ]; then
  measure "corpus stages 1-2 (1050 tests)" "${litmus[@]}" conformance "$corpus" --max-stage 2
  measure "corpus folder lkmm/ (35 kernel tests)" "${litmus[@]}" conformance "$corpus" --folder lkmm
fi
if [ -d "$corpus" ]; then
  measure "bundled tests under the kernel's own files" "${litmus[@]}" check --conf "$corpus/lkmm-model/linux-kernel.cfg" "$repo/litmus/tests"
  # The slowest family of the corpus: RCU rings of up to 19 threads, on which herd7 ran out of 60 s.
  ring=(auto/C-RW-G+RW-G+RW-R+RW-R+RW-R+RW-R+RW-G+RW-G+RW-G+RW-G+RW-G+RW-G+RW-R+RW-R+RW-R+RW-R+RW-G+RW-G+RW-G.litmus
        auto/C-RW-R+RW-R+RW-G+RW-G+RW-G+RW-G+RW-R+RW-R+RW-R+RW-R+RW-R+RW-G+RW-G+RW-G+RW-G+RW-R+RW-R+RW-G+RW-G.litmus)
  measure "two 19-thread RCU rings (herd7: over 60 s)" "${litmus[@]}" check "${ring[@]/#/$corpus/}"
  measure "the same under the kernel's own files" "${litmus[@]}" check --conf "$corpus/lkmm-model/linux-kernel.cfg" "${ring[@]/#/$corpus/}"
fi
