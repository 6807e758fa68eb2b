#!/usr/bin/env python3
"""Where the CPU of a start goes, from async-profiler's stacks of launches of the ledger.

    benchmarks/startup-breakdown.py DIR CONFIG...

Reads DIR/CONFIG-ROUND.collapsed, written by `benchmarks/startup.sh --profile` (CPU samples every
millisecond, one line per stack with the thread's name as its root frame, from the JVM's launch to
its first answer), puts every sample in one phase, and prints for each configuration the median
over its launches of the milliseconds of CPU per phase, with the difference from the first
configuration.
"""
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

AGENT_FRAMES = ("io/malar/agent/", "io/opentelemetry/", "net/bytebuddy/", "io/sentry/", "org/HdrHistogram/")

# (phase, test on the thread's name and the stack's frames); the first that matches wins
PHASES = [
    ("JIT: C2 compiler", lambda thread, frames: thread.startswith("C2 CompilerThre")),
    ("JIT: C1 compiler", lambda thread, frames: thread.startswith("C1 CompilerThre")),
    ("GC and the JVM's own threads", lambda thread, frames: thread.startswith(("GC ", "G1 ", "VM ", "Sweeper", "Service Thread"))),
    ("premain (main thread, before the application's main)", lambda thread, frames: has(frames, "MalarAgent.premain")),
    ("agent start-up thread: Byte Buddy's builders", lambda thread, frames: thread == "malar-agent-start" and has(frames, "ModuleInstaller.complete")),
    ("agent start-up thread: telemetry (SDK, exporters, features)", lambda thread, frames: thread == "malar-agent-start"),
    ("agent's other threads (JVM metrics, export)", lambda thread, frames: agent_only(frames)),
    ("weaving on the application's threads", lambda thread, frames: has(frames, "MethodCalls.whileTransforming")),
    ("candidate checks on the application's threads", lambda thread, frames: has(frames, "CandidateTransformer.transform")),
    ("agent and OpenTelemetry API code on the application's threads (hooks, spans)", lambda thread, frames: any(f.startswith(AGENT_FRAMES) for f in frames)),
    ("the application's own code", lambda thread, frames: True),
]
TOTAL = "sum of the phases"


def has(frames, name):
    return any(name in frame for frame in frames)


def agent_only(frames):
    """A thread running the agent's code and the JDK's, nothing of the application's."""
    return any(f.startswith(AGENT_FRAMES) for f in frames) and all(f.startswith(AGENT_FRAMES + ("java/", "jdk/")) for f in frames)


def phases_of(path):
    totals = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        thread = re.sub(r" tid=\d+\]$", "", frames[0]).lstrip("[").rstrip("]").strip()
        for phase, matches in PHASES:
            if matches(thread, frames[1:]):
                totals[phase] += int(count)
                break
    return totals


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    directory, configs = Path(sys.argv[1]), sys.argv[2:]
    medians, launch_counts = {}, {}
    for config in configs:
        # CONFIG-ROUND only: "malar-*" would also take malar-before's launches
        launches = [phases_of(path) for path in sorted(directory.glob(f"{config}-*.collapsed"))
                    if path.stem[len(config) + 1:].isdigit()]
        if not launches:
            sys.exit(f"no profile of {config} in {directory} (benchmarks/startup.sh --profile writes them)")
        medians[config] = {phase: statistics.median(launch[phase] for launch in launches) for phase, _ in PHASES}
        medians[config][TOTAL] = sum(medians[config].values())
        launch_counts[config] = len(launches)
    base = configs[0]
    rows = [phase for phase, _ in PHASES] + [TOTAL]
    width = max(len(row) for row in rows) + 2
    print(f"{'CPU until the first answer, ms (median of launches)':{width}}" + "".join(f"{c:>22}" for c in configs))
    for row in rows:
        cells = []
        for config in configs:
            value = medians[config][row]
            cells.append(f"{value:>8.0f}" + (f" ({value - medians[base][row]:+6.0f})" if config != base else " " * 9))
        print(f"{row:{width}}" + "".join(f"{cell:>22}" for cell in cells))
    print(f"{'launches':{width}}" + "".join(f"{launch_counts[c]:>22}" for c in configs))

if __name__ == "__main__":
    main()
