# Shell functions for the benchmark scripts that launch the ledger under agents (overhead.sh,
# startup.sh). Source it after scripts/processes.sh, from the repository's root. The scripts keep
# the processes they start in ledger_pid and receiver_pid, and a fresh database in data_dir.

ledger_pid=
receiver_pid=
data_dir=

# Stops what the script started when it exits or is interrupted.
stop_everything_on_exit() {
  trap 'stop "$ledger_pid"; stop "$receiver_pid"; [ -z "$data_dir" ] || rm -rf "$data_dir"' EXIT
  trap 'echo; echo "stopping..."; exit 130' INT TERM
}

# end_run: stops the run's ledger and receiver (those started) and removes its database.
end_run() {
  stop "$ledger_pid"
  ledger_pid=
  stop "$receiver_pid"
  receiver_pid=
  [ -z "$data_dir" ] || rm -rf "$data_dir"
  data_dir=
}

# Builds agent/target/malar-agent.jar, the ledger and the receiver's class path when one is missing.
ensure_built() {
  if [ ! -f agent/target/malar-agent.jar ] || [ ! -f demo-ledger-app/target/malar-ledger.jar ] \
    || [ ! -f demo-ledger-app/target/collector.classpath ]; then
    mvn -B -q -Dstyle.color=never -DskipTests package -pl agent,demo-ledger-app -am
  fi
}

# prepare_runs NAME: the set-up the scripts share: the clean-up on exit, the jars built when
# missing, out=benchmarks/target/NAME created, agent_jar, ledger_jar, otel_jar and otel_version set.
prepare_runs() {
  out=$root/benchmarks/target/$1
  agent_jar=$root/agent/target/malar-agent.jar
  ledger_jar=$root/demo-ledger-app/target/malar-ledger.jar
  stop_everything_on_exit
  mkdir -p "$out"
  ensure_built
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
  version=$(sed -n 's:.*<opentelemetry-javaagent.version>\(.*\)</opentelemetry-javaagent.version>.*:\1:p' pom.xml)
  jar=$dir/opentelemetry-javaagent-$version.jar
  if [ ! -f "$jar" ]; then
    mvn -B -q -Dstyle.color=never dependency:copy \
      -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$version" -DoutputDirectory="$dir" >&2
  fi
  printf '%s\n' "$jar"
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
    *) return 1 ;;
  esac
}

# cpu_ms PID: the process's CPU time so far (user + system, from /proc), in milliseconds.
cpu_ms() {
  awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$1/stat"
}
