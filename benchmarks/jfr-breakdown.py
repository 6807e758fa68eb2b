#!/usr/bin/env python3
"""Where an agent's CPU and allocation go, from a JFR recording of the ledger under load.

    benchmarks/jfr-breakdown.py RECORDING.jfr [REQUESTS]

Reads jdk.ExecutionSample and the allocation samples (`jfr print --json`, from the JDK on the
PATH): JFR's own jdk.ObjectAllocationSample, or async-profiler's jdk.ObjectAllocationInNewTLAB and
jdk.ObjectAllocationOutsideTLAB when the recording is async-profiler's. It puts each sample in one
category: the agent's work by what it does (the innermost agent
frame of the stack, or the agent's own thread), or the application's. Prints each category's share
of the execution samples and of the sampled allocation weight; with REQUESTS (requests served
during the recording), the allocation per request too. JFR samples Java threads only, so the GC's
and the JIT's CPU are in async-profiler's recordings alone (its own categories).
"""
import json
import subprocess
import sys
from collections import Counter

AGENT_PREFIXES = ("io.malar.agent.", "io.opentelemetry.", "org.HdrHistogram.", "io.sentry.",
                  "net.bytebuddy.", "okhttp3.", "okio.", "kotlin.", "io.prometheus.")

# (category, what a frame's class name starts with or contains); the first that matches wins,
# tried on the innermost agent frame first, then outwards
FRAME_CATEGORIES = [
    ("SQL sanitizing", ("io.malar.agent.instrumentation.jdbc.SqlSanitizer", "io.malar.agent.instrumentation.jdbc.SanitizedSqlCache")),
    ("percentiles (LatencySpanProcessor, HdrHistogram)", ("io.malar.agent.features.percentiles.", "org.HdrHistogram.")),
    ("semconv histograms (metrics SDK)", ("io.opentelemetry.sdk.metrics.",)),
    ("slow calls", ("io.malar.agent.features.slowcalls.",)),
    ("Sentry", ("io.malar.agent.features.sentry.", "io.sentry.")),
    ("batch span processor queue", ("io.opentelemetry.sdk.trace.export.BatchSpanProcessor",)),
    ("context storage", ("io.opentelemetry.context.",)),
    ("span creation and attributes (trace SDK)", ("io.opentelemetry.sdk.", "io.opentelemetry.api.")),
    ("advice, hooks and bridge", ("io.malar.agent.",)),
    ("Byte Buddy (weaving)", ("net.bytebuddy.",)),
]

THREAD_CATEGORIES = [
    # the JDK sender's threads are jdkhttp-executor and HttpClient-N-*: an application's own
    # java.net.http client would be counted here too (the ledger has none)
    ("export: OTLP serialization and HTTP (exporter threads)",
     ("BatchSpanProcessor", "OkHttp", "okhttp", "jdkhttp-executor", "HttpClient-")),
    ("export: metrics reader thread", ("PeriodicMetricReader",)),
    ("Sentry", ("sentry", "Sentry")),
    # sampled by async-profiler only: JFR's execution samples are of Java threads
    ("JVM: JIT compilers", ("C1 CompilerThre", "C2 CompilerThre")),
    ("JVM: garbage collector", ("GC Thread", "G1 ", "VM Thread")),
]


def events(recording, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def class_name(frame):
    method = frame.get("method") or {}
    return (method.get("type") or {}).get("name", "").replace("/", ".")


def category(event):
    thread = (event["values"].get("sampledThread") or event["values"].get("eventThread") or {})
    thread_name = thread.get("javaName") or thread.get("osName") or ""
    for name, markers in THREAD_CATEGORIES:
        if any(m in thread_name for m in markers):
            return name
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    agent_frames = [class_name(f) for f in frames if class_name(f).startswith(AGENT_PREFIXES)]
    if not agent_frames:
        return "application (no agent frame)"
    for frame in agent_frames:  # innermost first
        for name, markers in FRAME_CATEGORIES:
            if frame.startswith(markers):
                return name
    return "other agent code"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    recording = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else None
    cpu = Counter(category(e) for e in events(recording, "jdk.ExecutionSample"))
    allocated = Counter()
    seen_threads = set()
    for e in sorted(events(recording, "jdk.ObjectAllocationSample"), key=lambda e: e["values"]["startTime"]):
        thread = (e["values"].get("eventThread") or {}).get("javaThreadId")
        if thread not in seen_threads:
            # a thread's first sample weighs what it allocated since before the recording started
            seen_threads.add(thread)
            continue
        allocated[category(e)] += e["values"].get("weight", 0)
    # async-profiler's samples: the weight of one in a new TLAB is its tlabSize, outside one its size
    for e in events(recording, "jdk.ObjectAllocationInNewTLAB"):
        allocated[category(e)] += e["values"].get("tlabSize", 0)
    for e in events(recording, "jdk.ObjectAllocationOutsideTLAB"):
        allocated[category(e)] += e["values"].get("allocationSize", 0)
    total_cpu = sum(cpu.values()) or 1
    total_alloc = sum(allocated.values()) or 1
    print(f"{total_cpu} execution samples, {total_alloc / 2**20:.0f} MiB sampled allocation weight"
          + (f", {requests} requests" if requests else ""))
    header = f"{'category':58} {'CPU samples':>12} {'allocation':>12}"
    if requests:
        header += f" {'B/request':>10}"
    print(header)
    for name in sorted(set(cpu) | set(allocated), key=lambda n: -cpu[n] - allocated[n] / total_alloc * total_cpu):
        row = f"{name:58} {100 * cpu[name] / total_cpu:11.1f}% {100 * allocated[name] / total_alloc:11.1f}%"
        if requests:
            row += f" {allocated[name] / requests:10.0f}"
        print(row)


if __name__ == "__main__":
    main()
