#!/usr/bin/env bash
# Paired runs of `bin/archlens check` with two jars over the same 500 files (CheckBench's set: examples/ and the
# fixtures, copied round after round), alternating, so a loaded machine slows both alike. Prints the medians of
# wall time and of CPU time (user + sys, less sensitive to other load) and the median paired difference.
#   tools/bench/check-paired.sh BASE.jar [NEW.jar] [FORMAT] [PAIRS]
# Build BASE.jar from another commit, e.g. git worktree add /tmp/base <commit> && (cd /tmp/base &&
# mvn -B -q package -DskipTests -Darchlens.skipClients). BASE_LAUNCHER=/tmp/base/bin/archlens runs the base jar with
# that commit's launcher (its JVM options), else both run with this checkout's bin/archlens. Peak RSS is printed too.
set -euo pipefail
base="$1"; new="${2:-server/target/archlens.jar}"; fmt="${3:-json}"; pairs="${4:-9}"
files="${BENCH_FILES:-500}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
n=0; round=0
while [ "$n" -lt "$files" ]; do
  while IFS= read -r src; do
    [ "$n" -lt "$files" ] || break
    case "$src" in examples/*) rel="${src#examples/}" ;; *) rel="${src#server/src/test/resources/fixtures/}" ;; esac
    mkdir -p "$dir/copy$round/$(dirname "$rel")"; cp "$src" "$dir/copy$round/$rel"; n=$((n + 1))
  done < <(find examples server/src/test/resources/fixtures -type f -size -200k | LC_ALL=C sort)
  round=$((round + 1))
done
blaunch="${BASE_LAUNCHER:-bin/archlens}"
run() { # launcher jar -> "wall_ms cpu_s peak_mb"
  local s e; s=$(date +%s%N)
  ARCHLENS_JAR="$2" /usr/bin/time -f "%U %S %M" -o "$dir.t" "$1" check "$dir" --format "$fmt" >/dev/null 2>&1 || true
  e=$(date +%s%N); echo "$(( (e - s) / 1000000 )) $(tail -1 "$dir.t" | awk '{print $1 + $2, $3 / 1024}')"
}
run "$blaunch" "$base" >/dev/null; run bin/archlens "$new" >/dev/null   # first runs write each jar's class-data archive
for _ in $(seq "$pairs"); do echo "base $(run "$blaunch" "$base")"; echo "new $(run bin/archlens "$new")"; done | python3 -c '
import sys, statistics as st
d = {"base": [], "new": []}
for line in sys.stdin:
    k, w, c, m = line.split(); d[k].append((int(w), float(c), float(m)))
for i, name in ((0, "wall ms"), (1, "cpu s"), (2, "peak RSS MB")):
    b = [x[i] for x in d["base"]]; n = [x[i] for x in d["new"]]
    print(f"{name}: base median {st.median(b):.2f}, new median {st.median(n):.2f}, "
          f"median paired difference {st.median([y - x for x, y in zip(b, n)]):+.2f} ({len(b)} pairs)")
' 
rm -f "$dir.t"
echo "($n files, --format $fmt)"
