#!/usr/bin/env bash
# The cost of an agent on the Malar Market ledger under a closed-loop HTTP load from wrk (1 thread,
# 16 connections, the request mix of benchmarks/wrk/ledger-mix.lua), measured side by side: each
# round runs every configuration once, in a rotating order, each on a fresh seeded database and
# each agent exporting OTLP/HTTP (and Sentry envelopes) to a receiver that discards them.
#
#   benchmarks/wrk-overhead.sh [--rounds N] [--warmup S] [--seconds S] [--heap SIZE] [--java PATH]
#                              [--configs "none malar malar-sentry otel"] [--agent-jar PATH]
#                              [--before-jar PATH] [--profile] [--report RUNS_CSV]
#                      (defaults 2 rounds, 90 s warm-up, 30 s measured, -Xmx512m, the java on PATH)
#   configurations: none; malar (malar-agent, defaults: percentiles and slow calls on); malar-sentry
#   (the same with a Sentry DSN); malar-tracing (percentiles and slow calls off); otel (the
#   OpenTelemetry Java agent of the parent pom); otel-batched (the same with malar-agent's queue of
#   8,192 spans and batches of 2,048); malar-before (the agent jar given by --before-jar,
#   defaults, to compare two builds in one run); --agent-jar replaces agent/target/malar-agent.jar;
#   --profile records each measured load with async-profiler (CPU every 10 ms, allocation every
#   256 KB; the figures then include its cost) and prints where the CPU and allocation went
#   (benchmarks/jfr-breakdown.py); JFR's own profiling slowed the ledger without an agent threefold
#   --report prints the table of an earlier run's runs.csv (in the order of --configs) and exits
#   wrk: Debian/Ubuntu `apt-get install -y wrk` (4.1.0); the script installs it that way when it
#   runs as root and wrk is missing, and otherwise stops saying so.
#
# Per run: a warm-up load that is not measured, then the measured load. Printed per configuration,
# as a ratio to no agent: throughput, CPU per request (the ledger's user + system CPU time during
# the measured load over its requests: steadier than throughput when other programs share the
# cores, though contention raises it too), wrk's p90 and p99 latency, and peak RSS (VmHWM). The noise next to every ratio is the
# range of the per-round ratios (each configuration against no agent of the same round); the
# spread of no agent's own rounds is printed too, the bytes of spans each agent exported per
# request during the measured load, and the spans it logged as dropped on a full queue. Raw rows: benchmarks/target/wrk-overhead/runs.csv.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

rounds=2
warmup=90
seconds=30
heap=512m
java=java
agent_jar_option=
before_jar=
report=
profile=
configs=(none malar malar-sentry otel)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --heap) heap="$2"; shift ;;
    --java) java="$2"; shift ;;
    --configs) read -r -a configs <<<"$2"; shift ;;
    --agent-jar) agent_jar_option=$(realpath "$2"); shift ;;
    --before-jar) before_jar=$(realpath "$2"); shift ;;
    --report) report=$(realpath "$2"); shift ;;
    --profile) profile=1 ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/wrk-overhead.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

# ensure_wrk: wrk on the PATH, installed from the distribution's packages when we may.
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "wrk is missing: apt-get install -y wrk" >&2
    apt-get install -y wrk >&2 || { apt-get update >&2 && apt-get install -y wrk >&2; }
  fi
  command -v wrk >/dev/null \
    || { echo "this benchmark needs wrk: apt-get install -y wrk (or build it from https://github.com/wg/wrk)" >&2; exit 1; }
}

# summary RUNS_CSV: the means per configuration, as ratios to the first (no agent) with their noise.
summary() {
  local runs=$1
  echo
  echo "load average now $(cut -d' ' -f1 /proc/loadavg); mean per configuration; [ratio to no agent, range of the per-round ratios]:"
  awk -F, -v configs="${configs[*]}" '
    NR == 1 { next }
    { for (c = 3; c <= 12; c++) v[$1, $2, c] = $c; rounds[$2] = 1 }
    END {
      split("throughput_req_per_s cpu_us_per_request p90_ms p99_ms peak_rss_mib", names, " ")
      count = split(configs, order, " ")
      base = order[1]
      printf "  %-22s", ""
      for (k = 1; k <= count; k++) printf " %-28s", order[k]
      printf "\n"
      for (c = 3; c <= 7; c++) {
        printf "  %-22s", names[c - 2]
        for (k = 1; k <= count; k++) {
          sum = 0; bsum = 0; n = 0; lo = 1e9; hi = -1e9; blo = 1e9; bhi = -1e9
          for (r in rounds) {
            if (!((order[k], r, c) in v) || !((base, r, c) in v)) continue
            x = v[order[k], r, c]; b = v[base, r, c]
            sum += x; bsum += b; n++
            if (b > 0) { q = x / b; if (q < lo) lo = q; if (q > hi) hi = q }
            if (x < blo) blo = x; if (x > bhi) bhi = x
          }
          if (n == 0) { printf " %-28s", "-"; continue }
          mean = sum / n
          if (k == 1) {
            # no agent: its mean and its own round-to-round spread
            cell = sprintf("%.1f (spread %.0f%%)", mean, mean > 0 ? 100 * (bhi - blo) / mean : 0)
          } else if (c == 7) {
            cell = sprintf("%.0f [%+.0f MiB, %.2fx %.2f-%.2f]", mean, mean - bsum / n, mean / (bsum / n), lo, hi)
          } else {
            cell = sprintf("%.1f [%.2fx %.2f-%.2f]", mean, mean / (bsum / n), lo, hi)
          }
          printf " %-28s", cell
        }
        printf "\n"
      }
    }' "$runs"
  # what each agent sent: an agent that drops spans (a full export queue) also saves their cost
  awk -F, -v configs="${configs[*]}" '
    NR == 1 { next }
    NF >= 11 { bytes[$1] += $10; runs[$1]++; gzip[$1] += $11; dropped[$1] += $12 }
    END {
      count = split(configs, order, " ")
      printf "  %-22s", "span_bytes_per_request"
      for (k = 1; k <= count; k++) printf " %-28s", runs[order[k]] ? sprintf("%.0f%s", bytes[order[k]] / runs[order[k]], gzip[order[k]] ? " (gzip)" : "") : "-"
      printf "\n  %-22s", "spans_dropped_per_run"
      for (k = 1; k <= count; k++) printf " %-28s", runs[order[k]] ? sprintf("%.0f", dropped[order[k]] / runs[order[k]]) : "-"
      printf "\n"
    }' "$runs"
}

if [ -n "$report" ]; then
  summary "$report"
  exit 0
fi

ensure_wrk
prepare_runs wrk-overhead
agent_jar=${agent_jar_option:-$agent_jar}
receiver_classes=$out/receiver-classes
[ -z "$profile" ] || profiler=$(async_profiler_library "$out")
javac -d "$receiver_classes" benchmarks/wrk/DiscardingReceiver.java

# start_discarding_receiver LOG: sets receiver_pid, receiver_port, exporter_args and sentry_dsn.
start_discarding_receiver() {
  local log=$1 port
  "$java" -Xmx64m -cp "$receiver_classes" DiscardingReceiver >"$log" 2>&1 &
  receiver_pid=$!
  port=$(await_line "$log" 'LISTENING ' "$receiver_pid" 30) \
    || { echo "the discarding receiver did not start" >&2; cat "$log" >&2; exit 1; }
  exporter_args=("-Dotel.service.name=malar-ledger" "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:$port"
    "-Dotel.exporter.otlp.protocol=http/protobuf" "-Dotel.logs.exporter=none")
  sentry_dsn="http://public@127.0.0.1:$port/1"
  receiver_port=$port
}

# received_spans: what the receiver got so far, "span_exports=N span_bytes=N gzip_exports=N".
received_spans() {
  curl -s "http://127.0.0.1:$receiver_port/counts"
}

# load SECONDS PORT LOG: the wrk load; its last line is the WRK summary of ledger-mix.lua.
load() {
  wrk -t1 -c16 -d"$1s" --timeout 10s -s benchmarks/wrk/ledger-mix.lua "http://127.0.0.1:$2" >"$3" 2>&1
}

# run CONFIG ROUND: one ledger, one load; appends a row to runs.csv.
run() {
  local config=$1 round=$2 log=$out/$1-$2 port cpu_start cpu_end rss_kb received_start received_end
  local java_args=("-Xmx$heap")
  start_discarding_receiver "$log.receiver.log"
  [ "$config" = none ] || java_args+=("${exporter_args[@]}")
  case "$config" in
    malar-sentry) java_args+=("-javaagent:$agent_jar" "-Dmalar.agent.sentry.dsn=$sentry_dsn") ;;
    malar-before) [ -n "$before_jar" ] || { echo "malar-before needs --before-jar PATH" >&2; exit 2; }
      java_args+=("-javaagent:$before_jar") ;;
    *) agent_args "$config" \
        || { echo "unknown configuration: $config (none, malar, malar-sentry, malar-tracing, malar-before, otel, otel-batched)" >&2; exit 2; }
      java_args+=("${agent_args[@]}") ;;
  esac
  data_dir=$(mktemp -d)
  LEDGER_PORT=0 LEDGER_DATA_DIR="$data_dir" "$java" "${java_args[@]}" -jar "$ledger_jar" >"$log.ledger.log" 2>&1 &
  ledger_pid=$!
  port=$(await_line "$log.ledger.log" 'READY ' "$ledger_pid" 120) \
    || { echo "the ledger did not start ($config):" >&2; tail -20 "$log.ledger.log" >&2; exit 1; }
  load "$warmup" "$port" "$log.warmup.log"
  received_start=$(received_spans)
  [ -z "$profile" ] || jcmd "$ledger_pid" JVMTI.agent_load "$profiler" \
    "\"start,event=cpu,interval=10ms,alloc=256k,jfr,file=$log.jfr\"" >/dev/null  # quoted: jcmd splits at =
  cpu_start=$(cpu_ms "$ledger_pid")
  load "$seconds" "$port" "$log.load.log"
  cpu_end=$(cpu_ms "$ledger_pid")
  [ -z "$profile" ] || jcmd "$ledger_pid" JVMTI.agent_load "$profiler" stop >/dev/null
  received_end=$(received_spans)
  rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$ledger_pid/status")
  end_run
  # the SDK's batch span processor logs "dropped N span(s)" under both agents: the whole run's drops,
  # warm-up included; a lower bound for malar-agent, which passes on one such line a minute
  dropped=$(awk '{ while (match($0, /dropped [0-9]+ span/)) { split(substr($0, RSTART, RLENGTH), w, " "); total += w[2]; $0 = substr($0, RSTART + RLENGTH) } }
    END { print total + 0 }' "$log.ledger.log")
  awk -v config="$config" -v round="$round" -v cpu="$((cpu_end - cpu_start))" -v rss="$rss_kb" -v dropped="$dropped" \
    -v received_start="$received_start" -v received_end="$received_end" '
    function counts(text, into,    n, i, parts, kv) {
      n = split(text, parts, " ")
      for (i = 1; i <= n; i++) { split(parts[i], kv, "="); into[kv[1]] = kv[2] }
    }
    /^WRK / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); w[kv[1]] = kv[2] }
      if (w["requests"] == 0) { print "no request was answered during the measured load" > "/dev/stderr"; exit 1 }
      counts(received_start, r0); counts(received_end, r1)
      printf "%s,%s,%.1f,%.1f,%.2f,%.2f,%.1f,%d,%d,%.0f,%d,%d\n", config, round, w["requests"] / w["seconds"],
        cpu * 1000 / w["requests"], w["p90"] / 1000, w["p99"] / 1000, rss / 1024, w["non2xx"], w["errors"],
        (r1["span_bytes"] - r0["span_bytes"]) / w["requests"], r1["gzip_exports"] - r0["gzip_exports"], dropped
      found = 1
    }
    END { if (!found) exit 1 }' "$log.load.log" >>"$out/runs.csv" \
    || { echo "no wrk summary in $log.load.log" >&2; tail -5 "$log.load.log" >&2; exit 1; }
  tail -n 1 "$out/runs.csv" | sed 's/^/    /'
  [ -z "$profile" ] || benchmarks/jfr-breakdown.py "$log.jfr" "$(awk '/^WRK / { for (i = 2; i <= NF; i++) if ($i ~ /^requests=/) print substr($i, 10) }' "$log.load.log")" \
    | sed 's/^/      /'
}

echo "config,round,requests_per_s,cpu_us_per_request,p90_ms,p99_ms,peak_rss_mib,non2xx,socket_errors,span_bytes_per_request,gzip_exports,spans_dropped" \
  >"$out/runs.csv"
echo "$rounds rounds of ${warmup} s warm-up and ${seconds} s measured, wrk 1 thread 16 connections, -Xmx$heap," \
  "$("$java" -version 2>&1 | head -1); OpenTelemetry Java agent $otel_version; $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
head -n 1 "$out/runs.csv" | sed 's/^/    /'
in_rotation "$rounds" run

summary "$out/runs.csv"
