#!/usr/bin/env bash
# Time to healthy: from starting the server process until GET /health answers 200.
# For each run: a first start on an empty data folder (initdb included), then a warm start on the same folder.
# Usage: bash docs/measure-startup.sh [runs]     (RUNS=5 by default; CONFIG=Release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-5}
config=${CONFIG:-Release}
port=${PORT:-5099}
dotnet build src/ClaimTracker.Server -c "$config" -v q -nologo >/dev/null
dll="src/ClaimTracker.Server/bin/$config/net10.0/ClaimTracker.Server.dll"

# prints milliseconds from process start to the first 200 of /health, then stops the server (SIGTERM)
time_to_healthy() {
  local data=$1 start end pid
  start=$(date +%s%N)
  CLAIMTRACKER_DATA="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$dll" >"$data.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $data.log" >&2; return 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (end - start) / 1000000 ))
}

echo "run  first_ms  warm_ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg), $config)"
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d /tmp/ct-bench.XXXXXX)
  first=$(time_to_healthy "$data")
  warm=$(time_to_healthy "$data")
  printf "%3d  %8d  %7d\n" "$i" "$first" "$warm"
  rm -rf "$data" "$data.log"
done
