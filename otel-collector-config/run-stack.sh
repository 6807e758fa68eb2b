#!/usr/bin/env bash
# Runs the backend road on this machine, on 127.0.0.1, with the files of this folder:
#   Jaeger v2        OTLP in 14317 (gRPC) / 14318 (HTTP), UI and HTTP API at http://127.0.0.1:16686
#   the Collector    OTLP in 4317 (gRPC) / 4318 (HTTP), Prometheus exporter 8889, health 13133
#   Prometheus       http://127.0.0.1:9090, scraping the collector, with alert-rules.yml
#
#   run-stack.sh start [collector|jaeger|prometheus...]   start (all by default) and wait until each answers
#   run-stack.sh stop [collector|jaeger|prometheus...]    stop (all by default)
#
# The collector and Jaeger come from build-stack.sh (built once per machine), Prometheus from
# Debian's prometheus package. Logs and data go to MALAR_STACK_RUN (default /tmp/malar-stack).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
run=${MALAR_STACK_RUN:-/tmp/malar-stack}
mkdir -p "$run"

answers() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

await() {
  local name=$1 url=$2 pid_file=$run/$1.pid
  for _ in $(seq 1 60); do
    answers "$url" && return
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  echo "run-stack: $name did not answer at $url; the last lines of $run/$name.log:" >&2
  tail -n 20 "$run/$name.log" >&2
  exit 1
}

launch() {
  local name=$1
  shift
  if [[ -f $run/$name.pid ]] && kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then
    return
  fi
  setsid "$@" </dev/null >>"$run/$name.log" 2>&1 &
  echo $! >"$run/$name.pid"
}

start() {
  case $1 in
    jaeger)
      launch jaeger "$MALAR_JAEGER" --config "$here/jaeger.yaml"
      await jaeger http://127.0.0.1:16686/api/services ;;
    collector)
      launch collector "$MALAR_OTELCOL" --config "$here/collector.yaml"
      await collector http://127.0.0.1:13133/ ;;
    prometheus)
      command -v prometheus >/dev/null || { echo "run-stack: prometheus is not installed (.ci/services installs Debian's package)" >&2; exit 1; }
      launch prometheus prometheus --config.file="$here/prometheus.yml" --storage.tsdb.path="$run/prometheus-data" \
        --web.listen-address=127.0.0.1:9090
      await prometheus http://127.0.0.1:9090/-/ready ;;
    *) echo "run-stack: unknown component '$1' (expected collector, jaeger or prometheus)" >&2; exit 2 ;;
  esac
  echo "run-stack: $1 is up (log: $run/$1.log)"
}

stop() {
  local pid_file=$run/$1.pid pid
  [[ -f $pid_file ]] || return 0
  pid=$(cat "$pid_file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  echo "run-stack: $1 stopped"
}

command=${1:-}
shift || true
components=("$@")
case $command in
  start)
    [[ ${#components[@]} -gt 0 ]] || components=(jaeger collector prometheus)
    eval "$("$here/build-stack.sh")"
    for component in "${components[@]}"; do start "$component"; done ;;
  stop)
    [[ ${#components[@]} -gt 0 ]] || components=(prometheus collector jaeger)
    for component in "${components[@]}"; do stop "$component"; done ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
