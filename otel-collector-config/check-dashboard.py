#!/usr/bin/env python3
"""Checks the Grafana dashboard JSON of this folder and writes its PromQL for promtool.

Usage: check-dashboard.py DASHBOARD.json RULES_OUT.yml

Every panel but a row has targets, every target an expr on the prometheus data source, and the
exprs use no template variable but $job and $route (as =~"$job", =~"$route") and
$__rate_interval: the end-to-end test runs each expr against a real Prometheus with those
replaced by .*, .* and 1m. RULES_OUT.yml receives every expr so replaced as a recording rule,
so that `promtool check rules` parses them all.
"""
import json
import re
import sys

SUBSTITUTIONS = {"$__rate_interval": "1m", "$job": ".*", "$route": ".*"}
VARIABLE = re.compile(r"\$\{?(\w+)")
REGEX_MATCHED = re.compile(r'=~"\$(job|route)"')


def panels(dashboard):
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])


def problems_of(panel):
    title = panel.get("title", "?")
    targets = panel.get("targets") or []
    if not targets:
        yield f"panel '{title}': no targets"
    for target in targets:
        where = f"panel '{title}' target {target.get('refId', '?')}"
        expr = target.get("expr", "")
        if not expr.strip():
            yield f"{where}: no expr"
            continue
        datasource = target.get("datasource") or panel.get("datasource") or {}
        if datasource.get("uid") != "prometheus":
            yield f"{where}: data source {datasource} is not uid prometheus"
        unknown = sorted(set(VARIABLE.findall(expr)) - {"job", "route", "__rate_interval"})
        if unknown:
            yield f"{where}: variables other than $job, $route, $__rate_interval: {unknown}"
        bare = len(re.findall(r"\$(?:job|route)\b", expr)) - len(REGEX_MATCHED.findall(expr))
        if bare:
            yield f"{where}: $job/$route used other than as =~\"$job\" / =~\"$route\""


def substituted(expr):
    for variable, value in SUBSTITUTIONS.items():
        expr = expr.replace(variable, value)
    return expr


def main(dashboard_path, rules_path):
    try:
        with open(dashboard_path) as f:
            dashboard = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{dashboard_path}: does not parse: {e}")
        return 1
    problems, rules = [], []
    for panel in panels(dashboard):
        if panel.get("type") == "row":
            continue
        problems.extend(problems_of(panel))
        for target in panel.get("targets") or []:
            if target.get("expr", "").strip():
                record = f"dashboard:panel_{panel.get('id')}_{target.get('refId', 'X')}"
                rules.append(f"      - record: {record}\n        expr: {json.dumps(substituted(target['expr']))}\n")
    with open(rules_path, "w") as f:
        f.write("groups:\n  - name: dashboard\n    rules:\n" + "".join(rules))
    for problem in problems:
        print(problem)
    print(f"{dashboard_path}: {len(rules)} exprs, {len(problems)} problems")
    return 1 if problems or not rules else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
