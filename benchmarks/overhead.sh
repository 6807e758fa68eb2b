#!/usr/bin/env bash
# The cost of an agent on the Malar Market ledger, measured side by side: the ledger without an
# agent, under malar-agent, and under the OpenTelemetry Java agent (the version pinned in the parent
# pom), each agent with its defaults and exporting OTLP to the project's receiver. Each round runs
# the three one after the other, in a rotating order, with the same seeded load on a fresh database.
#
#   benchmarks/overhead.sh [--rounds N] [--warmup N] [--seconds N] [--threads N] [--heap SIZE]
#                          [--configs "none malar otel"]
#                        (defaults 3 rounds, 15 s warm-up, 30 s, 8 threads, -Xmx1g for every ledger)
#   configurations: none, malar, otel, and malar-tracing (malar-agent with its percentiles and
#   slow-call features off: what tracing alone costs)
#
# Per run: time until the ledger serves; then a warm-up load that is not measured (JIT compilation,
# an agent's own start-up work); then the measured load: throughput, the ledger's CPU per request,
# client-side latency percentiles of two operations; and the ledger's peak RSS. Raw rows go to
# benchmarks/target/overhead/runs.csv, logs next to it; the medians per configuration are printed.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

rounds=3
warmup=15
seconds=30
threads=8
heap=1g
configs=(none malar otel)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --heap) heap="$2"; shift ;;
    --configs) read -r -a configs <<<"$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/overhead.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

prepare_runs overhead

# run CONFIG ROUND: one ledger, one load; appends a row to runs.csv.
run() {
  local config=$1 round=$2 log=$out/$1-$2 port started ready_ms cpu_start cpu_end rss_kb requests
  # one heap limit for all, so that peak RSS compares what each adds rather than how far the heap grew
  local java_args=("-Xmx$heap")
  if [ "$config" != none ]; then
    start_otlp_receiver "$log.receiver.log"
    java_args+=("${exporter_args[@]}")
  fi
  agent_args "$config" || { echo "unknown configuration: $config (none, malar, malar-tracing, otel)" >&2; exit 2; }
  java_args+=("${agent_args[@]}")
  data_dir=$(mktemp -d)
  started=$(date +%s%N)
  LEDGER_PORT=0 LEDGER_DATA_DIR="$data_dir" java "${java_args[@]}" -jar "$ledger_jar" >"$log.ledger.log" 2>&1 &
  ledger_pid=$!
  port=$(await_line "$log.ledger.log" 'READY ' "$ledger_pid" 120) \
    || { echo "the ledger did not start ($config):" >&2; tail -20 "$log.ledger.log" >&2; exit 1; }
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  java -cp "$ledger_jar" io.malar.ledger.load.LoadGenerator --url "http://127.0.0.1:$port" \
    --seconds "$warmup" --threads "$threads" --seed 7 </dev/null >"$log.warmup.log" 2>&1
  cpu_start=$(cpu_ms "$ledger_pid")
  java -cp "$ledger_jar" io.malar.ledger.load.LoadGenerator --url "http://127.0.0.1:$port" \
    --seconds "$seconds" --threads "$threads" </dev/null >"$log.load.log" 2>&1
  cpu_end=$(cpu_ms "$ledger_pid")
  rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$ledger_pid/status")
  requests=$(sed -n 's/^load: .*: \([0-9,]*\) requests,.*/\1/p' "$log.load.log" | tr -d ,)
  end_run
  awk -v config="$config" -v round="$round" -v ready="$ready_ms" -v cpu="$((cpu_end - cpu_start))" \
    -v requests="$requests" -v rss="$rss_kb" '
    /^THROUGHPUT / { throughput = $2 }
    # the label, then count, 2xx, 4xx, 5xx, p50, p95, p99 ("GET farmer statement" is another label)
    $1 == "GET" && $2 == "farmer" && $3 ~ /^[0-9]+$/ { farmer = $7 "," $8 "," $9 }
    $1 == "POST" && $2 == "entry" && $3 ~ /^[0-9]+$/ { entry = $8 }
    END {
      printf "%s,%s,%s,%s,%s,%.3f,%d,%s,%s\n", config, round, ready, throughput, requests,
        cpu / requests, rss / 1024, farmer, entry
    }' "$log.load.log" >>"$out/runs.csv"
  tail -n 1 "$out/runs.csv" | sed 's/^/    /'
}

echo "config,round,ready_ms,requests_per_s,requests,cpu_ms_per_request,peak_rss_mb,farmer_p50_ms,farmer_p95_ms,farmer_p99_ms,entry_p95_ms" \
  >"$out/runs.csv"
echo "$rounds rounds of ${warmup} s warm-up and ${seconds} s measured, $threads threads, -Xmx$heap; OpenTelemetry Java agent $otel_version; $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
head -n 1 "$out/runs.csv" | sed 's/^/    /'
in_rotation "$rounds" run

echo
echo "medians per configuration (ratios against the first in brackets), load average now $(cut -d' ' -f1 /proc/loadavg):"
awk -F, -v configs="${configs[*]}" '
  NR == 1 { next }
  { n[$1]++; for (c = 3; c <= 11; c++) v[$1, c, n[$1]] = $c }
  function median(config, column,    i, j, t, count, a) {
    count = n[config]
    for (i = 1; i <= count; i++) a[i] = v[config, column, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return count % 2 ? a[(count + 1) / 2] : (a[count / 2] + a[count / 2 + 1]) / 2
  }
  END {
    split("ready_ms requests_per_s requests cpu_ms_per_request peak_rss_mb farmer_p50_ms farmer_p95_ms farmer_p99_ms entry_p95_ms", names, " ")
    count = split(configs, order, " ")
    printf "  %-22s", ""
    for (k = 1; k <= count; k++) printf " %16s", order[k]
    printf "\n"
    for (c = 3; c <= 11; c++) {
      if (c == 5) continue
      base = median(order[1], c)
      printf "  %-22s %16s", names[c - 2], sprintf("%.2f", base)
      for (k = 2; k <= count; k++) {
        m = median(order[k], c)
        printf " %16s", sprintf("%.2f (%.2f)", m, base > 0 ? m / base : 0)
      }
      printf "\n"
    }
  }' "$out/runs.csv"
