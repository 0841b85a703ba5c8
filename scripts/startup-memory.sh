#!/usr/bin/env bash
# Start-up time and resident memory of the packaged jar with the demo loaded (README, "Start-up
# and memory"). Usage: ./mvnw -B -DskipTests package && scripts/startup-memory.sh [runs] [extra JVM options]
# Each run: a fresh embedded database (so the demo loads), the time from the JVM's start until
# /actuator/health/readiness answers 200, then the process's resident memory (VmRSS) at ready
# and again after a few API requests.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
jar=$(ls target/tandem-*.jar | grep -v plain | head -1)
port=18765
for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    start=$(date +%s%N)
    TANDEM_DATA_DIR=$data SERVER_PORT=$port java "$@" -jar "$jar" > "$data/log.txt" 2>&1 &
    pid=$!
    until curl -fsS -o /dev/null "http://localhost:$port/actuator/health/readiness" 2>/dev/null; do
        kill -0 $pid 2>/dev/null || { echo "Tandem exited; see $data/log.txt"; exit 1; }
        sleep 0.05
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    rss_ready=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    for path in /api/health /api/kpis /api/loop/proposals /api/cycles /api/audit; do
        curl -fsS -o /dev/null -u maria:tandem-demo "http://localhost:$port$path" || true
    done
    rss_used=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    echo "run $run: ready after ${ready} ms; resident ${rss_ready} MB at ready, ${rss_used} MB after API calls"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$data"
done
