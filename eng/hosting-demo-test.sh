#!/usr/bin/env bash
# Runs samples/ThreadKit.Hosting.Demo as a user would, waits until both workers are working, sends it SIGTERM, and
# checks a graceful stop: exit code 0, each worker's stop logged, and every worker entry scoped with its name.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

dotnet build "$root/samples/ThreadKit.Hosting.Demo" -c Release -p:TreatWarningsAsErrors=true -v quiet --nologo
dll="$root/samples/ThreadKit.Hosting.Demo/bin/Release/net10.0/ThreadKit.Hosting.Demo.dll"
DOTNET_ENVIRONMENT=Production dotnet "$dll" >"$out" 2>&1 &
pid=$!

# Bounded wait for the consumer to have consumed an order, which needs both workers running.
for _ in $(seq 1 150); do
  grep -q "Consumed order 2" "$out" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q "Consumed order 2" "$out"; then
  kill -KILL "$pid" 2>/dev/null || true
  echo "The demo never consumed an order:" >&2; cat "$out" >&2; exit 1
fi

kill -TERM "$pid"
status=0
timeout 30 tail --pid="$pid" -f /dev/null || { echo "The demo did not exit within 30 s of SIGTERM." >&2; kill -KILL "$pid"; }
wait "$pid" || status=$?

failed=0
expect() {
  if ! grep -Eq "$1" "$out"; then echo "Missing from the demo's log: $1" >&2; failed=1; fi
}
[[ $status -eq 0 ]] || { echo "The demo exited with code $status after SIGTERM, not 0." >&2; failed=1; }
expect "=> Worker: order-consumer Consuming orders on thread order-consumer"
expect "=> Worker: order-poller Polling for orders on thread order-poller"
expect "=> Worker: order-consumer Consumer stopped after [0-9]+ orders"
expect "=> Worker: order-poller Poller stopped after queueing [0-9]+ orders"
expect "Application is shutting down"
if grep -Eq "fail:|crit:" "$out"; then echo "The demo logged an error while stopping." >&2; failed=1; fi
if [[ $failed -ne 0 ]]; then cat "$out" >&2; exit 1; fi
echo "hosting demo: both workers ran on their named threads, logged their stop on SIGTERM, and the process exited 0"
