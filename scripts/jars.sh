# Shell functions for the benchmark scripts: the jars they run. Source it after cd-ing to the root.

# Builds agent/target/malar-agent.jar, the ledger and the receiver's class path when one is missing.
ensure_built() {
  if [ ! -f agent/target/malar-agent.jar ] || [ ! -f demo-ledger-app/target/malar-ledger.jar ] \
    || [ ! -f demo-ledger-app/target/collector.classpath ]; then
    mvn -B -q -Dstyle.color=never -DskipTests package -pl agent,demo-ledger-app -am
  fi
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
