#!/usr/bin/env bash
# Start-up cost of an agent on the Malar Market ledger, measured side by side: the time from
# launching the JVM until the ledger answers its first request (GET /api/v1/farmers/1: a servlet,
# a Redis GET, a SELECT), polled from the moment the JVM is launched, without an agent, under
# malar-agent and under the OpenTelemetry Java agent (the version pinned in the parent pom), each
# agent with its defaults and exporting OTLP to the project's receiver. Each round launches every
# configuration once, in a rotating order, on a fresh database.
#
#   benchmarks/startup.sh [--launches N] [--configs "none malar otel"] [--java PATH] [--before-jar PATH]
#                        [--profile] (defaults: 10 launches, the java on the PATH)
#   configurations: none, malar, malar-premain (malar-agent with malar.agent.startup=premain),
#                   malar-no-jvm (malar-agent without its JVM metrics), malar-before (the agent jar
#                   given by --before-jar, to compare a change side by side), otel
#
# Raw rows go to benchmarks/target/startup/runs.csv (with the JVM's CPU time until it answered,
# user + system, which a busy machine disturbs less than the elapsed time, that of its main thread
# and of its JIT compiler threads, and malar-agent's
# premain_ms and ready_ms from its start-up line), logs next to it; the medians per configuration
# and their difference from the first configuration are printed.
#
# --profile runs every launch under async-profiler (the version pinned in the parent pom; CPU every
# millisecond, every thread, from the JVM's launch to its first answer) and prints where each
# configuration's CPU went, by phase (benchmarks/startup-breakdown.py); the profiler slows the
# start, so its launches measure the phases, not the cost.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/scripts/processes.sh"
source "$root/scripts/ledger-runs.sh"

launches=10
configs=(none malar otel)
java=java
before_jar=
profile=
while [ $# -gt 0 ]; do
  case "$1" in
    --launches) launches="$2"; shift ;;
    --configs) read -r -a configs <<<"$2"; shift ;;
    --java) java="$2"; shift ;;
    --before-jar) before_jar=$(realpath "$2"); shift ;;
    --profile) profile=1 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/startup.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

prepare_runs startup

start_otlp_receiver "$out/receiver.log"
[ -z "$profile" ] || profiler=$(async_profiler_library "$out")

# A port nobody listens on, so the first request can be sent before the ledger binds it.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# launch CONFIG ROUND: one ledger, polled until it answers; appends a row to runs.csv.
launch() {
  local config=$1 round=$2 log=$out/$1-$2.log port started answered_ms cpu status premain ready
  local java_args=("${exporter_args[@]}")
  case "$config" in
    none) java_args=() ;;
    malar) java_args+=("-javaagent:$agent_jar") ;;
    malar-premain) java_args+=("-javaagent:$agent_jar" "-Dmalar.agent.startup=premain") ;;
    malar-no-jvm) java_args+=("-javaagent:$agent_jar" "-Dmalar.agent.jvm-metrics.enabled=false") ;;
    malar-before) [ -n "$before_jar" ] || { echo "malar-before needs --before-jar PATH" >&2; exit 2; }
      java_args+=("-javaagent:$before_jar") ;;
    otel) java_args+=("-javaagent:$otel_jar") ;;
    *) echo "unknown configuration: $config (none, malar, malar-premain, malar-no-jvm, malar-before, otel)" >&2; exit 2 ;;
  esac
  [ -z "$profile" ] || java_args=("-agentpath:$profiler=start,event=cpu,interval=1ms,cstack=no,threads" "${java_args[@]}")
  port=$(free_port)
  data_dir=$(mktemp -d)
  started=$(date +%s%N)
  LEDGER_PORT=$port LEDGER_DATA_DIR="$data_dir" "$java" "${java_args[@]}" -jar "$ledger_jar" >"$log" 2>&1 &
  ledger_pid=$!
  status=000
  while [ "$status" != 200 ]; do
    kill -0 "$ledger_pid" 2>/dev/null || { echo "the ledger exited ($config):" >&2; tail -20 "$log" >&2; exit 1; }
    [ $((($(date +%s%N) - started) / 1000000000)) -lt 120 ] || { echo "no answer in 120 s ($config)" >&2; exit 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port/api/v1/farmers/1" || true)
    [ "$status" = 200 ] || sleep 0.02
  done
  answered_ms=$((($(date +%s%N) - started) / 1000000))
  cpu=$(cpu_ms "$ledger_pid")
  main_cpu=$(threads_cpu_ms "$ledger_pid" '^java$')
  jit_cpu=$(threads_cpu_ms "$ledger_pid" 'CompilerThre')
  [ -z "$profile" ] || jcmd "$ledger_pid" JVMTI.agent_load "$profiler" \
    "\"stop,file=$out/$config-$round.collapsed,collapsed\"" >/dev/null
  premain=$(sed -n 's/.*"malar-agent started".*"premain_ms":\([0-9]*\).*/\1/p' "$log" | head -n 1)
  ready=$(sed -n 's/.*"malar-agent started".*"ready_ms":\([0-9]*\).*/\1/p' "$log" | head -n 1)
  end_run
  echo "$config,$round,$answered_ms,$cpu,${premain:-},${ready:-},$main_cpu,$jit_cpu" | tee -a "$out/runs.csv" | sed 's/^/    /'
}

echo "config,round,first_answer_ms,cpu_ms,premain_ms,ready_ms,main_cpu_ms,jit_cpu_ms" >"$out/runs.csv"
echo "$launches launches per configuration with $("$java" -version 2>&1 | head -n 1); $(basename "$otel_jar");" \
  "$(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
head -n 1 "$out/runs.csv" | sed 's/^/    /'
in_rotation "$launches" launch

echo
echo "medians per configuration (difference from the first in brackets), load average now $(cut -d' ' -f1 /proc/loadavg):"
awk -F, -v configs="${configs[*]}" '
  NR == 1 { next }
  { n[$1]++; for (c = 3; c <= 8; c++) v[$1, c, n[$1]] = $c }
  function median(config, column,    i, j, t, count, a) {
    count = 0
    for (i = 1; i <= n[config]; i++) if (v[config, column, i] != "") a[++count] = v[config, column, i]
    if (count == 0) return ""
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return count % 2 ? a[(count + 1) / 2] : (a[count / 2] + a[count / 2 + 1]) / 2
  }
  END {
    count = split(configs, order, " ")
    base = median(order[1], 3)
    base_cpu = median(order[1], 4)
    base_main = median(order[1], 7)
    base_jit = median(order[1], 8)
    printf "  %-16s %18s %18s %12s %12s %16s %16s\n", "", "first_answer_ms", "cpu_ms", "premain_ms", "ready_ms",
      "main_cpu_ms", "jit_cpu_ms"
    for (k = 1; k <= count; k++) {
      m = median(order[k], 3)
      c = median(order[k], 4)
      t = median(order[k], 7)
      j = median(order[k], 8)
      printf "  %-16s %18s %18s %12s %12s %16s %16s\n", order[k], sprintf("%d (%+d)", m, m - base), sprintf("%d (%+d)", c, c - base_cpu),
        median(order[k], 5), median(order[k], 6), sprintf("%d (%+d)", t, t - base_main), sprintf("%d (%+d)", j, j - base_jit)
    }
  }' "$out/runs.csv"

if [ -n "$profile" ]; then
  echo
  benchmarks/startup-breakdown.py "$out" "${configs[@]}"
fi
