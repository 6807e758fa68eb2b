#!/usr/bin/env bash
# Start-up cost of an agent on the Malar Market ledger, measured side by side: the time from
# launching the JVM until the ledger answers its first request (GET /api/v1/farmers/1: a servlet,
# a Redis GET, a SELECT), polled from the moment the JVM is launched, without an agent, under
# malar-agent and under the OpenTelemetry Java agent (the version pinned in the parent pom), each
# agent with its defaults and exporting OTLP to the project's receiver. Each round launches every
# configuration once, in a rotating order, on a fresh database.
#
#   benchmarks/startup.sh [--launches N] [--configs "none malar otel"] [--java PATH] [--before-jar PATH]
#                        [--app ledger|jetty] [--profile] (defaults: 10 launches, the java on the PATH, the ledger)
#   configurations: none, malar, malar-premain (malar-agent with malar.agent.startup=premain),
#                   malar-no-jvm (malar-agent without its JVM metrics), malar-before (the agent jar
#                   given by --before-jar, to compare a change side by side), otel
#   --app jetty launches the agent tests' FirstRequestApp instead of the ledger: embedded Jetty 12
#   serving the moment it starts, its one endpoint reading Redis (a redis-server taken from the
#   embedded-redis jar, started once for the run) and H2, then failing with a 500, which is the
#   answer waited for; its class path is its own classes and the jars it needs, nothing else.
#
# Raw rows go to benchmarks/target/startup/runs.csv (startup-jetty/ with --app jetty), with the
# JVM's CPU time until it answered (user + system, which a busy machine disturbs less than the
# elapsed time), that of its main thread and of its JIT compiler threads, and malar-agent's
# premain_ms and ready_ms from its start-up line; logs next to it; the medians per configuration
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
app=ledger
profile=
while [ $# -gt 0 ]; do
  case "$1" in
    --launches) launches="$2"; shift ;;
    --configs) read -r -a configs <<<"$2"; shift ;;
    --java) java="$2"; shift ;;
    --before-jar) before_jar=$(realpath "$2"); shift ;;
    --app) app="$2"; shift ;;
    --profile) profile=1 ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see benchmarks/startup.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

# The results' folder, and the request polled with the status that counts as the first answer.
case "$app" in
  ledger) runs_name=startup answer_path=/api/v1/farmers/1 answer_status=200 ;;
  jetty) runs_name=startup-jetty answer_path=/market/opening answer_status=500 ;;
  *) echo "unknown application: $app (ledger, jetty)" >&2; exit 2 ;;
esac

prepare_runs "$runs_name"

start_otlp_receiver "$out/receiver.log"
[ -z "$profile" ] || profiler=$(async_profiler_library "$out")

# A port nobody listens on, so the first request can be sent before the application binds it.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# prepare_jetty_app: sets jetty_classpath (FirstRequestApp's classes and the jars it needs, built
# when missing) and starts a redis-server from the embedded-redis jar on redis_port.
prepare_jetty_app() {
  local test_classpath=agent-tests/target/test.classpath redis_jar binary
  if [ ! -f "$test_classpath" ] || [ ! -f agent-tests/target/test-classes/io/malar/agent/tests/apps/FirstRequestApp.class ]; then
    mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -pl agent-tests -am \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
  fi
  jetty_classpath=$root/agent-tests/target/test-classes
  jetty_classpath+=:$(tr ':' '\n' <"$test_classpath" \
    | grep -E '/(jetty-[a-z0-9-]+|jakarta\.servlet-api|slf4j-api|h2|jedis|commons-pool2|json|gson|redis-authx-core)-[0-9][^/]*\.jar$' \
    | paste -sd:)
  redis_jar=$(tr ':' '\n' <"$test_classpath" | grep '/embedded-redis-[^/]*\.jar$')
  binary=$(unzip -Z1 "$redis_jar" | grep -- '-linux-amd64$')
  unzip -q -o "$redis_jar" "$binary" -d "$out/redis" && chmod +x "$out/redis/$binary"
  redis_port=$(free_port)
  "$out/redis/$binary" --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no >"$out/redis.log" 2>&1 &
  helper_pid=$!
  for _ in $(seq 1 50); do
    (echo >"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the redis-server did not start:" >&2; cat "$out/redis.log" >&2; exit 1
}

[ "$app" = ledger ] || prepare_jetty_app

# start_app PORT LOG: launches the application with java_args on PORT (its pid in ledger_pid).
start_app() {
  if [ "$app" = ledger ]; then
    data_dir=$(mktemp -d)
    LEDGER_PORT=$1 LEDGER_DATA_DIR="$data_dir" "$java" "${java_args[@]}" -jar "$ledger_jar" >"$2" 2>&1 &
  else
    "$java" "${java_args[@]}" -cp "$jetty_classpath" io.malar.agent.tests.apps.FirstRequestApp "$1" 127.0.0.1 "$redis_port" \
      >"$2" 2>&1 &
  fi
  ledger_pid=$!
}

# launch CONFIG ROUND: one application, polled until it answers; appends a row to runs.csv.
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
  started=$(date +%s%N)
  start_app "$port" "$log"
  status=000
  while [ "$status" != "$answer_status" ]; do
    kill -0 "$ledger_pid" 2>/dev/null || { echo "the $app application exited ($config):" >&2; tail -20 "$log" >&2; exit 1; }
    [ $((($(date +%s%N) - started) / 1000000000)) -lt 120 ] || { echo "no answer in 120 s ($config)" >&2; exit 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port$answer_path" || true)
    [ "$status" = "$answer_status" ] || sleep 0.02
  done
  answered_ms=$((($(date +%s%N) - started) / 1000000))
  cpu=$(cpu_ms "$ledger_pid")
  main_cpu=$(threads_cpu_ms "$ledger_pid" '^java$')
  jit_cpu=$(threads_cpu_ms "$ledger_pid" 'CompilerThre')
  [ -z "$profile" ] || jcmd "$ledger_pid" JVMTI.agent_load "$profiler" \
    "\"stop,file=$out/$config-$round.collapsed,collapsed\"" >/dev/null
  premain=$(sed -n 's/.*"malar-agent started".*"premain_ms":\([0-9]*\).*/\1/p' "$log" | head -n 1)
  ready=$(sed -n 's/.*"malar-agent started".*"ready_ms":\([0-9]*\).*/\1/p' "$log" | head -n 1)
  end_launch
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
