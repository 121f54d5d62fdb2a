#!/usr/bin/env bash
# The kernel developer's flow, timed: tools/memory-model/scripts/checkalllitmus.sh over the kernel's own tests,
# once with herd7 and once with Litmus standing in for it (scripts/herd7, which runs the native binary
# artifacts/native/litmus when it is built). Prints wall and CPU time (GNU time) of each run, then the medians
# and the ratio. No pass/fail: figures for docs/performance.md (issue #9's target: Litmus at most 1.5x herd7's
# wall time). The kernel's scripts and model files come from ../shared/corpus, read in place.
#
#   HERD7=../shared/tools/herd7/herd7 scripts/bench-kernel-scripts.sh [RUNS]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${CORPUS:-$repo/../shared/corpus}
runs=${1:-3}
[ -n "${HERD7:-}" ] || { echo "set HERD7 to the herd7 to compare with" >&2; exit 2; }
[ -d "$corpus/lkmm-scripts" ] || { echo "no $corpus/lkmm-scripts" >&2; exit 2; }
[ -x "$repo/artifacts/native/litmus" ] || echo "note: no native build (artifacts/native/litmus); timing the dotnet build" >&2

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/scripts" "$tree/litmus-tests" "$tree/bin" "$tree/herdbin"
cp "$corpus"/lkmm-scripts/* "$tree/scripts/"
cp "$corpus"/lkmm-model/* "$tree/"
cp "$corpus"/lkmm/*.litmus "$tree/litmus-tests/"
# herdtools' mselect7 selects tests by architecture: the stand-in keeps those whose first line says C.
cat > "$tree/bin/mselect7" <<'SH'
#!/usr/bin/env bash
while read -r f; do head -n 1 "$f" | grep -q '^C ' && echo "$f"; done
exit 0
SH
printf '#!/bin/sh\nexec %q "$@"\n' "$(readlink -f "$HERD7")" > "$tree/herdbin/herd7"
chmod +x "$tree/bin/mselect7" "$tree/herdbin/herd7"
tests=$(ls "$tree/litmus-tests" | wc -l)

one_run() { # label, herd7 folder
  local t out
  t=$(mktemp)
  rm -rf "$tree/litmus-tests"/*.out
  (cd "$tree" && PATH="$2:$tree/bin:$PATH" LKMM_JOBS=1 /usr/bin/time -o "$t" -f "%e %U %S" scripts/checkalllitmus.sh >/dev/null 2>&1) \
    || echo "  ($1: checkalllitmus.sh did not verify every test)" >&2
  out=$(tail -1 "$t"); rm -f "$t"
  echo "$out" | awk -v l="$1" '{printf "%-8s wall %6.2f s  CPU %6.2f s\n", l, $1, $2 + $3}'
}

echo "checkalllitmus.sh over $tests kernel tests, LKMM_JOBS=1, $runs runs each, $(nproc) cores, $(date -u +%Y-%m-%d)"
results=$(for i in $(seq "$runs"); do one_run herd7 "$tree/herdbin"; one_run litmus "$repo/scripts"; done)
echo "$results"
echo "$results" | awk '
  { wall[$1] = wall[$1] " " $3; cpu[$1] = cpu[$1] " " $6 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    hw = median(wall["herd7"]); lw = median(wall["litmus"]); hc = median(cpu["herd7"]); lc = median(cpu["litmus"])
    printf "median   herd7 wall %.2f s (CPU %.2f s), Litmus wall %.2f s (CPU %.2f s): Litmus/herd7 %.2fx wall, %.2fx CPU\n", hw, hc, lw, lc, lw / hw, lc / hc
  }'
