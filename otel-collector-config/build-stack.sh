#!/usr/bin/env bash
# Builds, once per machine, the OpenTelemetry Collector with exactly the components of
# builder-config.yaml and Jaeger v2 from its Go module, into a cache outside the repository
# (MALAR_STACK_CACHE, default ~/.cache/malar-agent/stack), and prints where they are:
#   MALAR_OTELCOL=/path/to/otelcol-malar
#   MALAR_JAEGER=/path/to/jaeger
# A later run finds them and builds nothing. Needs Go and its module proxy; the versions are pinned
# here and in builder-config.yaml.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${MALAR_STACK_CACHE:-$HOME/.cache/malar-agent/stack}
builder_version=v0.165.0
jaeger_version=v1.76.0

# Go's own install location, for shells whose PATH does not have it
[[ -x /usr/local/go/bin/go ]] && PATH=$PATH:/usr/local/go/bin
mkdir -p "$cache"
require_go() {
  command -v go >/dev/null || { echo "build-stack: Go is not on the PATH (needed to build the collector and Jaeger)" >&2; exit 1; }
}

fail() {
  echo "build-stack: $1 failed; the last lines of $2:" >&2
  tail -n 30 "$2" >&2
  exit 1
}

# the manifest's hash names the build, so a changed component list builds anew
collector_dir=$cache/otelcol-$(sha256sum "$here/builder-config.yaml" | cut -c1-12)
if [[ ! -x $collector_dir/otelcol-malar ]]; then
  require_go
  log=$cache/otelcol-build.log
  echo "build-stack: building the OpenTelemetry Collector (builder $builder_version) into $collector_dir" >&2
  rm -rf "$collector_dir.tmp"
  { GOBIN=$cache/bin go install "go.opentelemetry.io/collector/cmd/builder@$builder_version" \
      && "$cache/bin/builder" --config "$here/builder-config.yaml" --output-path "$collector_dir.tmp"; } \
    >"$log" 2>&1 || fail "building the collector" "$log"
  mv "$collector_dir.tmp" "$collector_dir"
fi

jaeger_dir=$cache/jaeger-$jaeger_version
if [[ ! -x $jaeger_dir/jaeger ]]; then
  require_go
  log=$cache/jaeger-build.log
  echo "build-stack: building Jaeger $jaeger_version into $jaeger_dir" >&2
  rm -rf "$jaeger_dir.tmp"
  mkdir -p "$jaeger_dir.tmp"
  # Jaeger's go.mod has replace directives, so `go install pkg@version` refuses it: build it as a
  # tool of a module of our own
  ( cd "$jaeger_dir.tmp" \
      && go mod init malar.local/jaeger \
      && go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$jaeger_version" \
      && go build -o jaeger github.com/jaegertracing/jaeger/cmd/jaeger ) >"$log" 2>&1 \
    || fail "building Jaeger" "$log"
  mv "$jaeger_dir.tmp" "$jaeger_dir"
fi

echo "MALAR_OTELCOL=$collector_dir/otelcol-malar"
echo "MALAR_JAEGER=$jaeger_dir/jaeger"
