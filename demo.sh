#!/usr/bin/env bash
# The Malar Market ledger under the malar agent, with a 30 s load, and what the agent exported.
#
#   ./demo.sh                 build what is missing, run the ledger with -javaagent, drive the load,
#                             print the spans the agent exported (to the project's own OTLP receiver,
#                             or to OTEL_EXPORTER_OTLP_ENDPOINT when it is set) and the errors it
#                             captured (to the project's own Sentry endpoint, or to SENTRY_DSN)
#   ./demo.sh --no-agent      the same load without the agent, for comparison
#   ./demo.sh --stack         export through the real backends of otel-collector-config/ (the
#                             Collector, Jaeger, Prometheus; built once from Go modules) and print
#                             Jaeger's view of a trace and Prometheus's p50/p95/p99 of each route
#   --seconds N, --threads N  the load's length (default 30) and concurrency (default 8)
#   DEMO_AGENT_JAR=path       attach that agent jar instead of agent/target/malar-agent.jar
#
# Ctrl-C stops everything the demo started.
set -euo pipefail

cd "$(dirname "$0")"
root=$(pwd)

agent=true
stack=false
seconds=30
threads=8
while [ $# -gt 0 ]; do
  case "$1" in
    --no-agent) agent=false ;;
    --stack) stack=true ;;
    --seconds) seconds="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see ./demo.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

agent_jar=${DEMO_AGENT_JAR:-$root/agent/target/malar-agent.jar}
ledger_jar=$root/demo-ledger-app/target/malar-ledger.jar
collector_classpath_file=$root/demo-ledger-app/target/collector.classpath
work=$root/demo-ledger-app/target/demo
app_pid=
collector_pid=

say() { printf '\n==> %s\n' "$*"; }
source "$root/scripts/processes.sh"

cleanup() {
  stop "$app_pid"
  stop "$collector_pid"
}
trap cleanup EXIT
trap 'echo; echo "stopping..."; exit 130' INT TERM

command -v java >/dev/null || { echo "java (JDK 17 or newer) is not on the PATH" >&2; exit 1; }

# 1. build what is missing
if [ ! -f "$agent_jar" ] || [ ! -f "$ledger_jar" ] || [ ! -f "$collector_classpath_file" ]; then
  command -v mvn >/dev/null || { echo "Maven (mvn) is not on the PATH" >&2; exit 1; }
  say "building the agent and the ledger (mvn -B -q -DskipTests package -pl agent,demo-ledger-app -am)"
  mvn -B -q -Dstyle.color=never -DskipTests package -pl agent,demo-ledger-app -am
fi

rm -rf "$work"
mkdir -p "$work"

# 2. where the agent exports
endpoint=
demo_sentry_dsn=
if $stack; then
  $agent || { echo "--stack needs the agent (drop --no-agent)" >&2; exit 2; }
  say "starting the Collector, Jaeger and Prometheus (otel-collector-config/run-stack.sh; the first run builds them)"
  "$root/otel-collector-config/run-stack.sh" start
  endpoint=http://127.0.0.1:4318
  export OTEL_METRIC_EXPORT_INTERVAL=5000
elif $agent; then
  if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
    endpoint=$OTEL_EXPORTER_OTLP_ENDPOINT
    say "exporting to your collector at $endpoint"
  else
    java -cp "$root/demo-ledger-app/target/classes:$(cat "$collector_classpath_file")" \
      io.malar.ledger.demo.DemoCollector "$work/export-summary.txt" >"$work/collector.log" 2>&1 &
    collector_pid=$!
    endpoint=$(await_line "$work/collector.log" 'COLLECTOR ' "$collector_pid" 10) \
      || { echo "the demo's OTLP receiver did not start" >&2; cat "$work/collector.log"; exit 1; }
    say "the project's OTLP receiver is listening on $endpoint"
    if [ -z "${SENTRY_DSN:-}" ]; then
      demo_sentry_dsn=$(sed -n 's/^SENTRY_DSN //p' "$work/collector.log")
      echo "    and its Sentry endpoint on $demo_sentry_dsn"
    fi
  fi
fi

# 3. the ledger, with a fresh seeded H2 database and its own redis-server
java_args=()
if $agent; then
  java_args+=("-javaagent:$agent_jar" "-Dmalar.agent.percentiles.summary-on-exit=true"
    "-Dotel.exporter.otlp.endpoint=$endpoint")
  [ -n "${OTEL_SERVICE_NAME:-}" ] || java_args+=("-Dotel.service.name=malar-ledger")
  if [ -n "${SENTRY_DSN:-}" ]; then
    say "errors go to your Sentry (SENTRY_DSN)"
  elif [ -n "$demo_sentry_dsn" ]; then
    java_args+=("-Dmalar.agent.sentry.dsn=$demo_sentry_dsn")
  fi
  say "starting the ledger under the agent"
else
  say "starting the ledger without the agent"
fi
LEDGER_PORT=0 LEDGER_DATA_DIR="$work/data" java "${java_args[@]}" -jar "$ledger_jar" >"$work/ledger.log" 2>&1 &
app_pid=$!
port=$(await_line "$work/ledger.log" 'READY ' "$app_pid" 60) \
  || { echo "the ledger did not start within 60 s:" >&2; tail -20 "$work/ledger.log" >&2; exit 1; }
grep -m1 'malar-agent started' "$work/ledger.log" | sed 's/^/    /' || true
echo "    ledger: http://127.0.0.1:$port (log: ${work#"$root"/}/ledger.log)"

# 4. the load
say "driving a mixed load for $seconds s with $threads threads"
java -cp "$ledger_jar" io.malar.ledger.load.LoadGenerator --url "http://127.0.0.1:$port" \
  --seconds "$seconds" --threads "$threads"

if $stack; then
  say "what the backends show (read from their HTTP APIs)"
  sleep 8 # the last metric interval: exported every 5 s, scraped every 5 s
  java -cp "$root/demo-ledger-app/target/classes:$(cat "$collector_classpath_file")" \
    io.malar.ledger.demo.StackReport http://127.0.0.1:16686 http://127.0.0.1:9090 \
    "${OTEL_SERVICE_NAME:-malar-ledger}"
  echo "    the stack keeps running: Jaeger http://127.0.0.1:16686, Prometheus http://127.0.0.1:9090;"
  echo "    stop it with otel-collector-config/run-stack.sh stop"
fi

# 5. stop the ledger cleanly, so the agent flushes what it holds
say "stopping the ledger"
lines_before=$(wc -l <"$work/ledger.log")
stop "$app_pid"
app_pid=
tail -n +"$((lines_before + 1))" "$work/ledger.log" | grep -v 'io\.malar\.ledger\|com\.zaxxer\|org\.eclipse\.jetty' \
  | sed 's/^/    /' || true

# 6. what the agent exported, and what it flagged on its log
if $agent; then
  say "what the agent flagged (slow queries, N+1 queries, slow requests; full lines in ${work#"$root"/}/ledger.log)"
  grep -E '"type":"(slow_query|slow_redis|n_plus_one|slow_request)"' "$work/ledger.log" \
    | sed -n 's/.*"message":"\([^"]*\)".*/    \1/p' || echo "    nothing"

  if [ -n "$collector_pid" ]; then
    stop "$collector_pid"
    collector_pid=
    say "what the agent exported"
    cat "$work/export-summary.txt"
  else
    say "the spans went to $endpoint as service ${OTEL_SERVICE_NAME:-malar-ledger}:" \
      "open your tracing UI (Jaeger: http://localhost:16686, Grafana: Explore > Tempo) and search for that service"
  fi
fi
