# Shell functions for the benchmark scripts that launch the ledger under agents (overhead.sh,
# startup.sh). Source it after scripts/processes.sh, from the repository's root. The scripts keep
# the processes they start in ledger_pid and receiver_pid (and a server the runs share, such as a
# redis-server, in helper_pid), and a fresh database in data_dir.

ledger_pid=
receiver_pid=
helper_pid=
data_dir=

# Stops what the script started when it exits or is interrupted.
stop_everything_on_exit() {
  trap 'stop "$ledger_pid"; stop "$receiver_pid"; stop "$helper_pid"; [ -z "$data_dir" ] || rm -rf "$data_dir"' EXIT
  trap 'echo; echo "stopping..."; exit 130' INT TERM
}

# end_launch: stops the run's ledger and removes its database; a receiver shared by runs stays.
end_launch() {
  stop "$ledger_pid"
  ledger_pid=
  [ -z "$data_dir" ] || rm -rf "$data_dir"
  data_dir=
}

# end_run: stops the run's ledger and receiver (those started) and removes its database.
end_run() {
  end_launch
  stop "$receiver_pid"
  receiver_pid=
}

# Builds agent/target/malar-agent.jar, the ledger and the receiver's class path when one is missing.
ensure_built() {
  if [ ! -f agent/target/malar-agent.jar ] || [ ! -f demo-ledger-app/target/malar-ledger.jar ] \
    || [ ! -f demo-ledger-app/target/collector.classpath ]; then
    mvn -B -q -Dstyle.color=never -DskipTests package -pl agent,demo-ledger-app -am
  fi
}

# prepare_runs NAME: the set-up the scripts share: the clean-up on exit, the jars built when
# missing, out=benchmarks/target/NAME created, agent_jar (a copy in it), ledger_jar, otel_jar and
# otel_version set.
prepare_runs() {
  out=$root/benchmarks/target/$1
  agent_jar=$root/agent/target/malar-agent.jar
  ledger_jar=$root/demo-ledger-app/target/malar-ledger.jar
  stop_everything_on_exit
  mkdir -p "$out"
  ensure_built
  # a copy: a build during the run must not replace the jar under a running agent, whose classes
  # are read from it as they are first used
  cp "$agent_jar" "$out/malar-agent.jar"
  agent_jar=$out/malar-agent.jar
  otel_jar=$(otel_agent_jar "$out")
  otel_version=$(basename "$otel_jar" .jar)
  otel_version=${otel_version#opentelemetry-javaagent-}
}

# in_rotation ROUNDS FUNCTION: calls FUNCTION CONFIG ROUND for each of the configs in each round,
# each round starting one configuration later, so that none always runs first.
in_rotation() {
  local rounds=$1 run_one=$2 round i
  for round in $(seq 1 "$rounds"); do
    for i in "${!configs[@]}"; do
      "$run_one" "${configs[$(((round - 1 + i) % ${#configs[@]}))]}" "$round"
    done
  done
}

# otel_agent_jar DIR: prints the path of the OpenTelemetry Java agent (the version pinned in the
# parent pom), copied into DIR from the local Maven repository or Maven Central when missing.
otel_agent_jar() {
  local dir=$1 version jar
  version=$(pinned_version opentelemetry-javaagent)
  jar=$dir/opentelemetry-javaagent-$version.jar
  [ -f "$jar" ] || copy_artifact "io.opentelemetry.javaagent:opentelemetry-javaagent:$version" "$dir"
  printf '%s\n' "$jar"
}

# pinned_version NAME: the version the parent pom pins in its property NAME.version.
pinned_version() {
  sed -n "s:.*<$1.version>\\(.*\\)</$1.version>.*:\\1:p" pom.xml
}

# copy_artifact COORDINATES DIR: copies a Maven artifact (from the local repository or Maven Central) into DIR.
copy_artifact() {
  mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="$1" -DoutputDirectory="$2" >&2
}

# async_profiler_library DIR: prints the path of async-profiler's library (the version pinned in the
# parent pom), taken from its Maven Central jar into DIR when missing.
async_profiler_library() {
  local dir=$1 version
  version=$(pinned_version async-profiler)
  if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
    copy_artifact "tools.profiler:async-profiler:$version:jar:linux-x64" "$dir"
    unzip -q -o "$dir/async-profiler-$version-linux-x64.jar" linux-x64/libasyncProfiler.so -d "$dir"
  fi
  printf '%s\n' "$dir/linux-x64/libasyncProfiler.so"
}

# start_otlp_receiver LOG: starts the project's OTLP receiver, sets receiver_pid and exporter_args
# (the system properties that make an agent export to it as service malar-ledger); exits if it fails.
start_otlp_receiver() {
  local log=$1 endpoint
  java -cp "$(cat demo-ledger-app/target/collector.classpath)" io.malar.otlp.receiver.OtlpReceiverMain 0 >"$log" 2>&1 &
  receiver_pid=$!
  endpoint=$(await_line "$log" 'OTLP/HTTP receiver listening on ' "$receiver_pid" 30) \
    || { echo "the OTLP receiver did not start" >&2; cat "$log" >&2; exit 1; }
  exporter_args=("-Dotel.service.name=malar-ledger" "-Dotel.exporter.otlp.endpoint=${endpoint%% *}"
    "-Dotel.exporter.otlp.protocol=http/protobuf" "-Dotel.logs.exporter=none")
}

# agent_args CONFIG: sets agent_args to the JVM arguments of a configuration the overhead scripts
# share: none, malar, malar-tracing (malar-agent with its percentiles and slow-call features off),
# otel; fails for any other.
agent_args() {
  case "$1" in
    none) agent_args=() ;;
    malar) agent_args=("-javaagent:$agent_jar") ;;
    malar-tracing) agent_args=("-javaagent:$agent_jar" "-Dmalar.agent.percentiles.enabled=false"
      "-Dmalar.agent.slow-calls.enabled=false") ;;
    otel) agent_args=("-javaagent:$otel_jar") ;;
    # the OpenTelemetry agent with malar-agent's batch span processor sizes: with the SDK's (a queue of
    # 2,048, batches of 512) it drops spans under the wrk load, and dropped spans cost nothing more
    otel-batched) agent_args=("-javaagent:$otel_jar" "-Dotel.bsp.max.queue.size=8192"
      "-Dotel.bsp.max.export.batch.size=2048") ;;
    *) return 1 ;;
  esac
}

# cpu_ms PID: the process's CPU time so far (user + system, from /proc), in milliseconds.
cpu_ms() {
  awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$1/stat"
}

# threads_cpu_ms PID PATTERN: the CPU time so far (ms) of the process's live threads whose name
# matches the awk PATTERN: "^java$" is the main thread, "CompilerThre" the JIT compilers.
threads_cpu_ms() {
  local task
  for task in /proc/"$1"/task/*; do
    awk -v tick="$(getconf CLK_TCK)" -v name="$(cat "$task/comm")" -v pattern="$2" \
      'name ~ pattern { print int(($14 + $15) * 1000 / tick) }' "$task/stat" 2>/dev/null
  done | awk '{ total += $1 } END { print total + 0 }'
}

# start_faulty_collector DIR: starts io.malar.otlp.receiver.FaultyCollectorMain, commanded through
# the fifo DIR/control on file descriptor 3 (echo 503 >&3; see its class comment), logging to
# DIR/collector.log; sets receiver_pid, collector_log, endpoint (OTLP) and sentry_endpoint; exits
# if it does not start.
start_faulty_collector() {
  collector_log=$1/collector.log
  rm -f "$1/control"
  mkfifo "$1/control"
  java -cp "$(cat demo-ledger-app/target/collector.classpath)" io.malar.otlp.receiver.FaultyCollectorMain 0 \
    <"$1/control" >"$collector_log" 2>&1 &
  receiver_pid=$!
  exec 3>"$1/control"
  endpoint=$(await_line "$collector_log" 'FAULTY COLLECTOR ' "$receiver_pid" 30) \
    || { echo "the faulty collector did not start" >&2; cat "$collector_log" >&2; exit 1; }
  sentry_endpoint=$(sed -n 's/^FAULTY SENTRY //p' "$collector_log")
}

# collector_stats: asks the faulty collector for its counts (it then forgets what it received) and
# prints its STATS line.
collector_stats() {
  local before
  before=$(grep -c '^STATS ' "$collector_log" || true)
  echo stats >&3
  for _ in $(seq 1 100); do
    [ "$(grep -c '^STATS ' "$collector_log" || true)" -gt "$before" ] && break
    sleep 0.1
  done
  grep '^STATS ' "$collector_log" | tail -n 1
}

# await_drained_notifications PORT: waits (at most 5 minutes) until the ledger's notification queue
# is empty, as its /health/detailed reports it.
await_drained_notifications() {
  for _ in $(seq 1 300); do
    curl -s "http://127.0.0.1:$1/health/detailed" | grep -q '"queue_depth":0[,}]' && return 0
    sleep 1
  done
  echo "the ledger's notification queue did not drain in 5 minutes" >&2
  return 1
}

# heap_census PID: the live objects after a full GC (jcmd GC.class_histogram runs one first; a
# full GC a second before lets the agent's weak-map cleaner drop the entries of collected keys, so
# that the census counts the entries the agent keeps, not those its own GC has just cleared):
# "all_mb agent_mb latency_keys weak_map_entries open_requests", agent_mb being the shallow sizes
# of the agent's classes and of the libraries only it brings (OpenTelemetry, HdrHistogram, OkHttp,
# Okio, Kotlin, Byte Buddy); arrays they own are in all_mb only.
heap_census() {
  jcmd "$1" GC.run >/dev/null 2>&1
  sleep 1
  jcmd "$1" GC.class_histogram 2>/dev/null | awk '
    $1 ~ /^[0-9]+:$/ && $4 ~ /^(io\.malar\.agent|io\.opentelemetry|org\.HdrHistogram|okhttp3|okio|kotlin|net\.bytebuddy)\./ { agent += $3 }
    $4 == "io.malar.agent.features.percentiles.LatencyKey" { keys += $2 }
    $4 == "io.malar.agent.core.util.WeakIdentityMap$WeakKey" { weak += $2 }
    $4 == "io.malar.agent.features.slowcalls.RequestStats" { open += $2 }
    $1 == "Total" { total = $3 }
    END { printf "%.1f %.2f %d %d %d\n", total / 1048576, agent / 1048576, keys, weak, open }'
}
