#!/usr/bin/env bash
# What the ledger and malar-agent do while the collector fails: the ledger (agent defaults, OTLP
# export; metric export every 10 s so that the agent's own counts show within a phase) under the
# load generator's 8 threads, exporting to io.malar.otlp.receiver.FaultyCollectorMain. For each
# fault, one after the other in the same ledger: a healthy phase, the fault, a healthy recovery
# phase, each under load. Then a Prometheus scraper that connects, asks and never reads.
#
#   benchmarks/faults.sh [--phase SECONDS] [--fault-seconds SECONDS] [--threads N]
#                        [--faults "absent blackhole 503 429 slow restart"]
#                        (defaults: 20 s healthy and recovery phases, 30 s of fault, 8 threads)
#
# Per fault: GET farmer p99 and server errors (5xx and transport errors, all operations) when
# healthy, during the fault and after it; the heap after a full GC at the end of the fault (all
# live objects, and the agent's own classes' shallow sizes: io.malar.agent, io.opentelemetry,
# org.HdrHistogram, okhttp3, okio, kotlin, net.bytebuddy); the ledger's threads before, at the end
# of the fault and after recovery; connections the collector accepted from the fault's start to
# the end of recovery; what the agent counted over the same time, as the collector received it; the time from
# the collector's recovery to the first spans it received. Rows: benchmarks/target/faults/faults.csv.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

phase=20
fault_seconds=30
threads=8
faults=(absent blackhole 503 429 slow restart)
while [ $# -gt 0 ]; do
  case "$1" in
    --phase) phase="$2"; shift ;;
    --fault-seconds) fault_seconds="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --faults) read -r -a faults <<<"$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/faults.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

prepare_runs faults
collector_log=$out/collector.log
rm -f "$out/control"
mkfifo "$out/control"
java -cp "$(cat demo-ledger-app/target/collector.classpath)" io.malar.otlp.receiver.FaultyCollectorMain 0 \
  <"$out/control" >"$collector_log" 2>&1 &
receiver_pid=$!
exec 3>"$out/control"
endpoint=$(await_line "$collector_log" 'FAULTY COLLECTOR ' "$receiver_pid" 30) \
  || { echo "the faulty collector did not start" >&2; cat "$collector_log" >&2; exit 1; }
prometheus_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# stats: asks the collector for its counts and prints its STATS line.
stats() {
  local before
  before=$(grep -c '^STATS ' "$collector_log" || true)
  echo stats >&3
  for _ in $(seq 1 100); do
    [ "$(grep -c '^STATS ' "$collector_log" || true)" -gt "$before" ] && break
    sleep 0.1
  done
  grep '^STATS ' "$collector_log" | tail -n 1
}

# field LINE NAME: the value of NAME=VALUE in LINE.
field() {
  tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"
}

# grown NAME: how much the count NAME grew from $before to $after (two STATS lines).
grown() {
  echo $(($(field "$after" "$1") - $(field "$before" "$1")))
}

# load NAME SECONDS: one load; prints "p99 errors requests_per_s".
load() {
  java -cp "$ledger_jar" io.malar.ledger.load.LoadGenerator --url "http://127.0.0.1:$port" \
    --seconds "$2" --threads "$threads" </dev/null >"$out/$1.load.log" 2>&1
  awk '
    /^THROUGHPUT / { throughput = $2 }
    $1 == "GET" && $2 == "farmer" && $3 ~ /^[0-9]+$/ { p99 = $9 }
    # the label (one to three words), then count, 2xx, 4xx, 5xx (transport errors included), p50, p95, p99
    /^  [A-Z]/ && NF >= 8 && $(NF - 6) ~ /^[0-9]+$/ && $(NF - 3) ~ /^[0-9]+$/ { errors += $(NF - 3) }
    END { printf "%s %d %s\n", p99, errors, throughput }' "$out/$1.load.log"
}

threads_now() {
  awk '/^Threads:/ { print $2 }' "/proc/$ledger_pid/status"
}

# heap_after_gc: "all_live_mb agent_classes_mb" from a class histogram (which runs a full GC first).
heap_after_gc() {
  jcmd "$ledger_pid" GC.class_histogram 2>/dev/null | awk '
    $1 ~ /^[0-9]+:$/ && $4 ~ /^(io\.malar\.agent|io\.opentelemetry|org\.HdrHistogram|okhttp3|okio|kotlin|net\.bytebuddy)/ { agent += $3 }
    $1 == "Total" { total = $3 }
    END { printf "%.1f %.2f\n", total / 1048576, agent / 1048576 }'
}

data_dir=$(mktemp -d)
LEDGER_PORT=0 LEDGER_DATA_DIR="$data_dir" java -Xmx1g -javaagent:"$agent_jar" \
  -Dotel.service.name=malar-ledger -Dotel.exporter.otlp.endpoint="$endpoint" -Dotel.metric.export.interval=10000 \
  -Dmalar.agent.prometheus.port="$prometheus_port" -jar "$ledger_jar" >"$out/ledger.log" 2>&1 &
ledger_pid=$!
port=$(await_line "$out/ledger.log" 'READY ' "$ledger_pid" 120) \
  || { echo "the ledger did not start:" >&2; tail -20 "$out/ledger.log" >&2; exit 1; }
echo "faults ${faults[*]}: ${phase} s healthy, ${fault_seconds} s fault, ${phase} s recovery, $threads threads; $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
load warmup "$phase" >/dev/null

echo "fault,healthy_p99_ms,healthy_errors,fault_p99_ms,fault_errors,recovery_p99_ms,recovery_errors,heap_after_gc_mb,agent_classes_mb,threads_before,threads_fault,threads_after,connections,recovered_ms,spans_exported,spans_export_failed,spans_queue_full,points_export_failed" \
  >"$out/faults.csv"
for fault in "${faults[@]}"; do
  echo healthy >&3
  read -r healthy_p99 healthy_errors _ < <(load "healthy-$fault" "$phase")
  threads_before=$(threads_now)
  before=$(stats)
  echo "$fault" >&3
  read -r fault_p99 fault_errors _ < <(load "fault-$fault" "$fault_seconds")
  read -r heap_mb agent_mb < <(heap_after_gc)
  threads_fault=$(threads_now)
  echo healthy >&3
  read -r recovery_p99 recovery_errors _ < <(load "recovery-$fault" "$phase")
  sleep 11 # one metric export interval more, so the counts of the recovery phase arrive
  after=$(stats)
  threads_after=$(threads_now)
  echo "$fault,$healthy_p99,$healthy_errors,$fault_p99,$fault_errors,$recovery_p99,$recovery_errors,$heap_mb,$agent_mb,$threads_before,$threads_fault,$threads_after,$(grown connections),$(field "$after" recovered_ms),$(grown spans_exported),$(grown spans_export_failed),$(grown spans_queue_full),$(grown points_export_failed)" \
    | tee -a "$out/faults.csv"
done

# A scraper that connects, sends its request and never reads: another scrape must still be answered.
exec 4<>"/dev/tcp/127.0.0.1/$prometheus_port"
printf 'GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&4
exec 5<>"/dev/tcp/127.0.0.1/$prometheus_port"  # and one that connects and sends nothing
read -r stalled_p99 stalled_errors _ < <(load "prometheus-stalled" "$phase")
scrape_status=$(curl -s -o "$out/scrape.txt" -w '%{http_code} %{time_total}' --max-time 10 "http://127.0.0.1:$prometheus_port/metrics" || true)
echo "prometheus scraper never reading: GET farmer p99 $stalled_p99 ms, $stalled_errors errors; another scrape: ${scrape_status:-no answer} ($(wc -c <"$out/scrape.txt") bytes)"
exec 4>&- 5>&-
echo "SDK lines in the agent log: $(grep -c '"message":"OpenTelemetry SDK: ' "$out/ledger.log" || true); java.util.logging lines on the console: $(grep -c '^WARNING: \|^SEVERE: ' "$out/ledger.log" || true)"
