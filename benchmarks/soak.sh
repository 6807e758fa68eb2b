#!/usr/bin/env bash
# A long run of the ledger under malar-agent with OTLP export, for the agent's memory over time:
# the load generator's threads for the whole run, the agent's defaults, exporting to
# io.malar.otlp.receiver.FaultyCollectorMain (healthy; it forgets what it received every 30 s).
# After the first minutes' load and after the rest (each time once the ledger's notification queue
# is drained and 10 s more, so that what is measured is what the agent keeps, not the spans on
# their way out nor the statements of the ledger's background work): the live objects
# after a full GC (all, and the agent's own classes' shallow sizes), the percentile keys, the
# weak-map entries and the open requests' entries; each point's class histogram beside soak.csv.
#
#   benchmarks/soak.sh [--minutes N] [--first-minute N] [--threads N]   (defaults 30, 5, 8)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

minutes=30
first_minute=5
threads=8
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift ;;
    --first-minute) first_minute="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/soak.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

prepare_runs soak
start_faulty_collector "$out"
data_dir=$(mktemp -d)
LEDGER_PORT=0 LEDGER_DATA_DIR="$data_dir" java -Xmx1g -javaagent:"$agent_jar" \
  -Dotel.service.name=malar-ledger -Dotel.exporter.otlp.endpoint="$endpoint" -jar "$ledger_jar" >"$out/ledger.log" 2>&1 &
ledger_pid=$!
port=$(await_line "$out/ledger.log" 'READY ' "$ledger_pid" 120) \
  || { echo "the ledger did not start:" >&2; tail -20 "$out/ledger.log" >&2; exit 1; }
echo "soak: $minutes min, $threads threads, first point at minute $first_minute; $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "minute,all_live_mb,agent_classes_mb,latency_keys,weak_map_entries,open_requests,threads,load_average" | tee "$out/soak.csv"

# load_for SECONDS SEED: the load generator, the collector told every 30 s to forget what it got.
load_for() {
  java -cp "$ledger_jar" io.malar.ledger.load.LoadGenerator --url "http://127.0.0.1:$port" \
    --seconds "$1" --threads "$threads" --seed "$2" </dev/null >>"$out/load.log" 2>&1 &
  local load_pid=$!
  while kill -0 "$load_pid" 2>/dev/null; do
    sleep 30
    collector_stats >/dev/null
  done
  wait "$load_pid"
}

# point MINUTE: a census once the ledger is quiet: its notification worker has drained the queue
# the load filled (until then it makes statements, whose entries a census would count while they
# are collected) and the last exports are out (the batch processor's delay is 5 s).
point() {
  await_drained_notifications "$port"
  sleep 10
  read -r all agent keys weak open < <(heap_census "$ledger_pid")
  echo "$1,$all,$agent,$keys,$weak,$open,$(awk '/^Threads:/ { print $2 }' "/proc/$ledger_pid/status"),$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/soak.csv"
  # per class, to tell what grew between the points
  jcmd "$ledger_pid" GC.class_histogram >"$out/histogram-minute-$1.txt"
}

load_for $((first_minute * 60)) 7
point "$first_minute"
load_for $(((minutes - first_minute) * 60)) 42
point "$minutes"
grep '^THROUGHPUT' "$out/load.log"
collector_stats
