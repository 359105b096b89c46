#!/usr/bin/env bash
# Does ThreadKit's telemetry cost anything when nobody listens? BenchmarkDotNet can compare the two builds only in
# separate processes run one after the other, and on a small virtual machine whole processes land in faster or
# slower states. This script alternates the two, A B A B ..., so that drift hits both alike, and prints each run and
# the medians. A is a worker with the telemetry feature switch off (instruments removed); B is the normal build with
# nobody listening. Each figure is the best of 5 rounds of 10,000 start-and-join jobs, in microseconds.
#
#   bash benchmarks/telemetry-ab.sh [PAIRS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pairs="${1:-10}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
dotnet build "$here/anchors/dotnet/Anchors.csproj" -c Release -o "$build" --nologo -v quiet >&2

removed=() listening=()
for ((i = 1; i <= pairs; i++)); do
  removed+=("$(dotnet "$build/Anchors.dll" namedworker-no-telemetry)")
  listening+=("$(dotnet "$build/Anchors.dll" namedworker)")
  echo "pair $i: instruments removed ${removed[-1]} us, no listener ${listening[-1]} us" >&2
done

python3 - "${removed[*]}" "${listening[*]}" <<'PY'
import statistics, sys
removed = [float(x) for x in sys.argv[1].split()]
listening = [float(x) for x in sys.argv[2].split()]
a, b = statistics.median(removed), statistics.median(listening)
print("| Build | Median of runs (us per start and join) | Range | Ratio |")
print("| --- | ---: | ---: | ---: |")
print(f"| Instruments removed (feature switch off) | {a:.1f} | {min(removed):.1f} to {max(removed):.1f} | 1.00 |")
print(f"| Instruments present, nobody listening | {b:.1f} | {min(listening):.1f} to {max(listening):.1f} | {b / a:.2f} |")
PY
