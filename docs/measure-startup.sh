#!/usr/bin/env bash
# Time to healthy: from starting the server process until GET /health answers 200.
# For each run: a first start on an empty data folder (initdb included), then a warm start on the same folder.
# Usage: bash docs/measure-startup.sh [runs]     (5 runs by default; CONFIG=Release)
#        SERVER_DLL=/path/ClaimTracker.Server.dll bash docs/measure-startup.sh   (time a published build instead)
#        NICE=-15 bash docs/measure-startup.sh   (as root: the server and its PostgreSQL get the CPU ahead of other
#                                                  work, approximating an idle machine on a shared one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-5}
config=${CONFIG:-Release}
port=${PORT:-5099}
if [ -n "${SERVER_DLL:-}" ]; then
  dll=$SERVER_DLL; config=$(basename "$(dirname "$dll")")
else
  dotnet build src/ClaimTracker.Server -c "$config" -v q -nologo >/dev/null
  dll="src/ClaimTracker.Server/bin/$config/net10.0/ClaimTracker.Server.dll"
fi

# prints milliseconds from process start to the first 200 of /health, then stops the server (SIGTERM)
time_to_healthy() {
  local data=$1 start end pid
  start=$(date +%s%N)
  CLAIMTRACKER_DATA="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ${NICE:+nice -n "$NICE"} dotnet "$dll" >"$data.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $data.log" >&2; return 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  # CPU the server used until then (user+sys, incl. initdb/pg_ctl it waited for; not the postgres daemon):
  # unlike wall time, this hardly changes when other work competes for the 2 cores.
  local ticks; ticks=$(awk '{print $14+$15+$16+$17}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" || true
  echo "$(( (end - start) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}

echo "($config${NICE:+, nice $NICE}; load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "run  first_wall_ms  first_cpu_ms  warm_wall_ms  warm_cpu_ms  load1"
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d /tmp/ct-bench.XXXXXX)
  read -r first first_cpu < <(time_to_healthy "$data")
  read -r warm warm_cpu < <(time_to_healthy "$data")
  printf "%3d  %13d  %12d  %12d  %11d  %5s\n" "$i" "$first" "$first_cpu" "$warm" "$warm_cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$data" "$data.log"
done
