#!/usr/bin/env bash
# What the ledger and malar-agent do while the collector or Sentry fails: for each fault a fresh
# ledger (fresh seeded database, agent defaults, OTLP export; metric export every 10 s so that the
# agent's own counts show within a phase) under the load generator's 8 threads, exporting to
# io.malar.otlp.receiver.FaultyCollectorMain: a warm-up, a healthy phase, the fault, a healthy
# recovery phase, each under load. The Sentry faults send the agent's error events to that
# program's second front (a DSN pointed at it), the OTLP collector staying healthy. Then a
# Prometheus scraper that connects, asks and never reads.
#
#   benchmarks/faults.sh [--warmup SECONDS] [--phase SECONDS] [--fault-seconds SECONDS] [--threads N]
#                        [--faults "absent blackhole 503 429 slow restart"]
#                        [--sentry-faults "absent blackhole 503 429 slow"] [--no-prometheus]
#                        (defaults: 15 s warm-up, 20 s healthy and recovery phases, 30 s of fault, 8 threads;
#                        an empty list skips those faults)
#
# Per fault: GET farmer p99 and server errors (5xx and transport errors, all operations) when
# healthy, during the fault and after it; the live objects after a full GC at the end of the fault
# (all, and the agent's own classes' shallow sizes, see heap_census in scripts/ledger-runs.sh); the
# ledger's threads before, at the end of the fault and after recovery; the connections the
# collector (or Sentry) accepted from the fault's start to the end of recovery; what the agent
# counted over the same time, as the collector received it; the time from the recovery to the
# first spans (or Sentry envelope) received. Rows: benchmarks/target/faults/faults.csv and sentry.csv.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

warmup=15
phase=20
fault_seconds=30
threads=8
faults=(absent blackhole 503 429 slow restart)
sentry_faults=(absent blackhole 503 429 slow)
prometheus=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup="$2"; shift ;;
    --phase) phase="$2"; shift ;;
    --fault-seconds) fault_seconds="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --faults) read -r -a faults <<<"$2"; shift ;;
    --sentry-faults) read -r -a sentry_faults <<<"$2"; shift ;;
    --no-prometheus) prometheus= ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/faults.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

prepare_runs faults

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

# start_ledger LOG [JVM OPTIONS...]: a fresh ledger under the agent, exporting to $endpoint; sets port.
start_ledger() {
  local log=$1
  shift
  data_dir=$(mktemp -d)
  LEDGER_PORT=0 LEDGER_DATA_DIR="$data_dir" java -Xmx1g -javaagent:"$agent_jar" \
    -Dotel.service.name=malar-ledger -Dotel.exporter.otlp.endpoint="$endpoint" -Dotel.metric.export.interval=10000 \
    "$@" -jar "$ledger_jar" >"$log" 2>&1 &
  ledger_pid=$!
  port=$(await_line "$log" 'READY ' "$ledger_pid" 120) \
    || { echo "the ledger did not start:" >&2; tail -20 "$log" >&2; exit 1; }
}

stop_ledger_and_collector() {
  exec 3>&-
  stop "$ledger_pid"
  ledger_pid=
  stop "$receiver_pid"
  receiver_pid=
  rm -rf "$data_dir"
  data_dir=
}

# through_fault NAME COMMAND: a fresh ledger and collector through warm-up, healthy phase, the
# fault (COMMAND to the collector; "sentry FAULT" sends the agent's Sentry events to the
# collector's Sentry front), recovery; sets healthy_*, fault_*, recovery_*, all_mb, agent_mb,
# threads_*, and before/after (the collector's STATS lines at the fault's start and after
# recovery); the caller prints its row, then calls stop_ledger_and_collector.
through_fault() {
  local name=$1 command=$2 healthy=healthy options=()
  start_faulty_collector "$out"
  case $command in
    "sentry "*)
      healthy="sentry healthy"
      options=(-Dmalar.agent.sentry.dsn="http://public@${sentry_endpoint#http://}/1") ;;
  esac
  start_ledger "$out/$name.ledger.log" "${options[@]}"
  load "warmup-$name" "$warmup" >/dev/null
  read -r healthy_p99 healthy_errors _ < <(load "healthy-$name" "$phase")
  threads_before=$(threads_now)
  before=$(collector_stats)
  echo "$command" >&3
  read -r fault_p99 fault_errors _ < <(load "fault-$name" "$fault_seconds")
  read -r all_mb agent_mb _ < <(heap_census "$ledger_pid")
  threads_fault=$(threads_now)
  echo "$healthy" >&3
  read -r recovery_p99 recovery_errors _ < <(load "recovery-$name" "$phase")
  sleep 11 # one metric export interval more, so the counts of the recovery phase arrive
  after=$(collector_stats)
  threads_after=$(threads_now)
}

# The columns every row starts with.
common_columns="fault,healthy_p99_ms,healthy_errors,fault_p99_ms,fault_errors,recovery_p99_ms,recovery_errors,all_live_mb,agent_classes_mb,threads_before,threads_fault,threads_after,load_average"
common_fields() {
  echo "$healthy_p99,$healthy_errors,$fault_p99,$fault_errors,$recovery_p99,$recovery_errors,$all_mb,$agent_mb,$threads_before,$threads_fault,$threads_after,$(cut -d' ' -f1 /proc/loadavg)"
}

echo "faults ${faults[*]}; Sentry faults ${sentry_faults[*]}: ${warmup} s warm-up, ${phase} s healthy, ${fault_seconds} s fault, ${phase} s recovery, $threads threads; $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "$common_columns,connections,recovered_ms,spans_exported,spans_export_failed,spans_queue_full,points_export_failed,sdk_lines_in_agent_log,jul_lines_on_console" \
  | tee "$out/faults.csv"
for fault in "${faults[@]}"; do
  through_fault "$fault" "$fault"
  echo "$fault,$(common_fields),$(grown connections),$(field "$after" recovered_ms),$(grown spans_exported),$(grown spans_export_failed),$(grown spans_queue_full),$(grown points_export_failed),$(grep -c '"message":"OpenTelemetry SDK: ' "$out/$fault.ledger.log" || true),$(grep -c '^WARNING: \|^SEVERE: ' "$out/$fault.ledger.log" || true)" \
    | tee -a "$out/faults.csv"
  stop_ledger_and_collector
done

# Sentry: the DSN points at the collector's second front; the agent's defaults otherwise (error
# events for exceptions and 5xx answers, 10 a minute per error).
echo "$common_columns,sentry_connections,sentry_recovered_ms,sentry_envelopes,sentry_events_dropped,sentry_lines_in_agent_log" \
  | tee "$out/sentry.csv"
for fault in "${sentry_faults[@]}"; do
  through_fault "sentry-$fault" "sentry $fault"
  echo "$fault,$(common_fields),$(grown sentry_connections),$(field "$after" sentry_recovered_ms),$(grown sentry_envelopes),$(grown sentry_events_dropped),$(grep -c '"message":"sentry: ' "$out/sentry-$fault.ledger.log" || true)" \
    | tee -a "$out/sentry.csv"
  stop_ledger_and_collector
done

[ -n "$prometheus" ] || exit 0

# A scraper that connects, sends its request and never reads, and one that connects and sends
# nothing: the application's latency, and whether another scrape is still answered.
prometheus_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_faulty_collector "$out"
start_ledger "$out/prometheus.ledger.log" -Dmalar.agent.prometheus.port="$prometheus_port"
load warmup-prometheus "$warmup" >/dev/null
read -r free_p99 free_errors _ < <(load "prometheus-healthy" "$phase")
exec 4<>"/dev/tcp/127.0.0.1/$prometheus_port"
printf 'GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&4
exec 5<>"/dev/tcp/127.0.0.1/$prometheus_port"
read -r stalled_p99 stalled_errors _ < <(load "prometheus-stalled" "$phase")
scrape=$(curl -s -o "$out/scrape.txt" -w '%{http_code} in %{time_total} s' --max-time 10 "http://127.0.0.1:$prometheus_port/metrics" || true)
echo "prometheus: GET farmer p99 $free_p99 ms, $free_errors errors; with a scraper that never reads and one that never asks: $stalled_p99 ms, $stalled_errors errors; another scrape: ${scrape:-no answer} ($(wc -c <"$out/scrape.txt") bytes)"
exec 4>&- 5>&-
stop_ledger_and_collector
