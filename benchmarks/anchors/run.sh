#!/usr/bin/env bash
# Builds and runs the same job in C, Python, Java, raw .NET and ThreadKit on this machine: create a named thread with
# one argument, start it, join it; and the pooled counterparts: Python's ThreadPoolExecutor, Java's fixed pool of two
# threads (renaming its thread per job) and a named Java virtual thread, and ThreadKit's WorkerPool. Each prints the
# best of ROUNDS rounds of PER_ROUND jobs, in microseconds per job, after one warm-up round; this script prints them
# as a Markdown table, with each as a multiple of C's figure. benchmarks/ThreadKit.PoolHarness sets the pooled job
# beside Task.Run in one process.
#
#   bash benchmarks/anchors/run.sh [ROUNDS] [PER_ROUND]
#
# Needs gcc, python3, a JDK (javac, java) and the .NET SDK. A language whose tools are missing is reported and skipped.
# The JDK is the newest of $JAVA_HOME, /usr/lib/jvm/* and the one on the PATH; virtual threads need Java 21 or later,
# and are reported as skipped on an older one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-5}"
per_round="${2:-10000}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

declare -a names=() figures=()
measure() {
  local name="$1"; shift
  local figure
  if figure="$("$@")"; then
    names+=("$name"); figures+=("$figure")
  else
    echo "skipped: $name (its tools are missing or it failed)" >&2
  fi
}

# The newest JDK at hand, by the major version its java reports.
find_jdk() {
  local best="" best_major=0 dir major
  for dir in "${JAVA_HOME:-}" /usr/lib/jvm/* "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [[ -n "$dir" && -x "$dir/bin/javac" && -x "$dir/bin/java" ]] || continue
    major="$("$dir/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*"(1\.)?([0-9]+).*/\2/')"
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major > best_major )); then
      best="$dir"; best_major="$major"
    fi
  done
  [[ -n "$best" ]] && echo "$best/bin"
}
jdk="$(find_jdk || true)"
java_version() { "$jdk/java" -version 2>&1 | head -n 1 | sed -E 's/.*"([^"]+)".*/\1/'; }

c_anchor() { gcc -O2 -pthread -o "$build/anchor" "$here/c/anchor.c" && "$build/anchor" "$rounds" "$per_round"; }
python_anchor() { python3 "$here/python/anchor.py" "$rounds" "$per_round" "${1:-thread}"; }
java_anchor() { [[ -n "$jdk" ]] && "$jdk/javac" -d "$build/java" "$here/java/Anchor.java" && "$jdk/java" -cp "$build/java" Anchor "$rounds" "$per_round"; }
# PoolAnchor prints "pool <us>" and "virtual <us>" (or "virtual skipped: <why>"); each case reads its own line.
java_pool_output=""
java_pooled() {
  local line
  line="$(grep "^$1 " <<<"$java_pool_output")" || return 1
  if [[ "$line" == *skipped* ]]; then
    echo "$line" >&2
    return 1
  fi
  echo "${line#* }"
}
dotnet_build() { dotnet build "$here/dotnet/Anchors.csproj" -c Release -o "$build/dotnet" --nologo -v quiet >&2; }
dotnet_anchor() { dotnet "$build/dotnet/Anchors.dll" "$1" "$rounds" "$per_round"; }

measure "C: pthread_create, pthread_setname_np, pthread_join" c_anchor
c_figure="${figures[0]:-}"
measure "Python $(python3 -c 'import platform; print(platform.python_version())' 2>/dev/null): threading.Thread(target, args, name)" python_anchor
measure "Java $(java_version 2>/dev/null): new Thread(r, name)" java_anchor
if dotnet_build; then
  measure ".NET $(dotnet --version): new Thread { Name }, Start(arg), Join" dotnet_anchor thread
  measure ".NET $(dotnet --version): NamedWorker.Create(name, body, arg), Start, Join" dotnet_anchor namedworker
fi
measure "Python: ThreadPoolExecutor(thread_name_prefix), submit, result (pooled)" python_anchor pool
if [[ -n "$jdk" ]] && "$jdk/javac" -d "$build/java" "$here/java/PoolAnchor.java"; then
  java_pool_output="$("$jdk/java" -cp "$build/java" PoolAnchor "$rounds" "$per_round")" || java_pool_output=""
fi
measure "Java $(java_version 2>/dev/null): fixed pool of 2, setName per job, submit, get (pooled)" java_pooled pool
measure "Java $(java_version 2>/dev/null): Thread.ofVirtual().name(name), start, join" java_pooled virtual
if [[ -f "$build/dotnet/Anchors.dll" ]]; then
  measure ".NET $(dotnet --version): WorkerPool.Start(name, body, arg), Join (pooled, 2 threads, named per job)" dotnet_anchor workerpool
  measure ".NET $(dotnet --version): Task.Run(() => body(arg)).Wait() (thread pool, unnamed)" dotnet_anchor taskrun
fi

echo "| Job: named thread, one argument, start, join | us per job | vs C |"
echo "| --- | ---: | ---: |"
for i in "${!names[@]}"; do
  ratio="n/a"
  if [[ -n "$c_figure" ]]; then
    ratio="$(python3 -c "print(f'{${figures[$i]} / $c_figure:.2f}x')")"
  fi
  echo "| ${names[$i]} | ${figures[$i]} | $ratio |"
done

# The .NET pair once more, taking turns in one process, where their ratio does not carry the swing between processes.
if [[ -f "$build/dotnet/Anchors.dll" ]]; then
  echo
  dotnet "$build/dotnet/Anchors.dll" side-by-side 7 "$per_round" || echo "skipped: the side-by-side .NET run failed" >&2
fi
