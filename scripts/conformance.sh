#!/usr/bin/env bash
# Measures agreement with herd7 on the shared corpus (../shared/corpus by default) and writes the full
# report to docs/conformance-report.txt; docs/conformance.md quotes its figures.
#
#   scripts/conformance.sh [--upstream] [CORPUS] [extra litmus conformance options, e.g. --model lkmm --timeout 60]
#
# --upstream runs the kernel's own model files instead of the bundled model (the corpus's copy,
# CORPUS/lkmm-model/linux-kernel.cfg, unmodified) and writes docs/conformance-report-upstream.txt.
# A whole run takes about 20 minutes on a 2-core machine; .ci/run checks a fast slice instead.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
upstream=false
if [[ "${1:-}" == "--upstream" ]]; then upstream=true; shift; fi
corpus="${1:-$repo/../shared/corpus}"
shift || true
report="$repo/docs/conformance-report.txt"
model=()
if $upstream; then
  report="$repo/docs/conformance-report-upstream.txt"
  model=(--conf "$corpus/lkmm-model/linux-kernel.cfg")
fi
dotnet build "$repo/src/Litmus.Cli" -c Release -v quiet -nologo >/dev/null
{
  echo "# litmus conformance $(basename "$corpus") ${model[*]:+upstream model} $*  ($(date -u +%Y-%m-%d), commit $(git -C "$repo" rev-parse --short HEAD))"
  dotnet "$repo/src/Litmus.Cli/bin/Release/net10.0/litmus.dll" conformance "$corpus" --timeout 30 "${model[@]}" "$@"
} > "$report" || true
sed -n '1,12p' "$report"
echo "full report: ${report#"$repo"/}"
