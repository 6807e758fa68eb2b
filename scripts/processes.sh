# Shell functions for the scripts that start JVMs of their own (demo.sh, benchmarks/*.sh).
# Source it; it sets no options of its own.

# Stops a process we started: TERM (so the JVM's shutdown hooks run: the agent flushes, the ledger
# stops its redis-server), then KILL, with its children, if it does not end in time.
stop() {
  local pid=$1 children
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  children=$(pgrep -P "$pid" || true)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" $children 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# await_line FILE PREFIX PID SECONDS: prints the rest of the first line of FILE that starts with
# PREFIX (plain text, not a pattern) once process PID wrote it; fails, printing nothing, if PID
# exits or SECONDS pass first.
await_line() {
  local file=$1 prefix=$2 pid=$3 seconds=$4 rest
  for _ in $(seq 1 $((seconds * 10))); do
    rest=$(awk -v prefix="$prefix" 'index($0, prefix) == 1 { print substr($0, length(prefix) + 1); found = 1; exit }
      END { exit !found }' "$file" 2>/dev/null) && { printf '%s\n' "$rest"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
