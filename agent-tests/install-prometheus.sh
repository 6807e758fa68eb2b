#!/usr/bin/env bash
# Installs Debian's prometheus package (prometheus and promtool) when absent, for PrometheusTest.
# Only the binaries are needed: the test starts its own server on 127.0.0.1 with a temporary config.
set -euo pipefail
if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  exit 0
fi
echo "installing Debian's prometheus package"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# the package may start a server of its own; the test does not use it
if command -v service >/dev/null; then
  service prometheus stop >/dev/null 2>&1 || true
fi
