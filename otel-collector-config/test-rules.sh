#!/usr/bin/env bash
# Checks the Prometheus and Grafana files of this folder without starting anything:
# promtool on both Prometheus configurations, the alert rules and their unit tests; the
# dashboard's panels and the PromQL of each; the YAML of compose.yaml and the Grafana
# provisioning. Prints each check's result, then "N passed, N failed"; exits 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")"

passed=0
failed=()
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() {
  local name=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed+=("$name")
    echo "FAILED: $name"
    sed 's/^/    /' "$work/out"
  fi
}

parses_as_yaml() {
  python3 -c 'import sys, yaml
for path in sys.argv[1:]:
    with open(path) as f:
        yaml.safe_load(f)' "$@"
}

for program in promtool python3; do
  if ! command -v "$program" >/dev/null; then
    echo "FAILED: $program is not installed (Debian: apt-get install prometheus python3)"
    exit 1
  fi
done

check "promtool check config prometheus.yml" promtool check config prometheus.yml
check "promtool check config prometheus-compose.yml" promtool check config prometheus-compose.yml
check "promtool check rules alert-rules.yml" promtool check rules alert-rules.yml
check "promtool test rules alert-rules-test.yml" promtool test rules alert-rules-test.yml
check "dashboard: JSON parses, every panel target has an expr on uid prometheus, only \$job/\$route/\$__rate_interval" \
  ./check-dashboard.py grafana/dashboards/malar-agent.json "$work/dashboard-rules.yml"
check "dashboard: every expr parses (promtool check rules)" promtool check rules "$work/dashboard-rules.yml"
check "compose.yaml and Grafana provisioning parse as YAML" \
  parses_as_yaml compose.yaml grafana/provisioning/datasources/datasources.yaml grafana/provisioning/dashboards/dashboards.yaml

echo "otel-collector-config: ${passed} passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
  printf 'failed: %s\n' "${failed[@]}"
  exit 1
fi
