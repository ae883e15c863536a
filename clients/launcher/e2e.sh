#!/usr/bin/env bash
# End-to-end test of bin/archlens: run through symlinks (the editor install links it into ~/.local/bin), it
# finds its jar; and its class-data archive handling, on a copy of the built jar (the real server/target is left
# alone): on a CI runner no archive is written; the first `check` writes one (renamed into place, no temporary
# file left) with stdout carrying only the report; the next run maps it; the server's own archive follows in the
# background and the server maps it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "[launcher-e2e] FAIL: $*"; exit 1; }

# an absolute link from another folder, and a relative link to a relative link (no GNU readlink -f needed)
mkdir -p "$tmp/links/bin" "$tmp/links/other"
ln -s "$repo/bin/archlens" "$tmp/links/bin/archlens"
ln -s ../bin/archlens "$tmp/links/other/archlens-rel"
ln -s archlens-rel "$tmp/links/other/archlens-chain"
for link in "$tmp/links/bin/archlens" "$tmp/links/other/archlens-chain"; do
  out="$(cd "$tmp" && env -u ARCHLENS_JAR ARCHLENS_NO_CDS=1 "$link" --version 2>&1)" || fail "$link: $out"
  grep -q '^archlens ' <<<"$out" || fail "through the symlink $link: $out"
done
(cd "$tmp/links/other" && env -u ARCHLENS_JAR ARCHLENS_NO_CDS=1 ./archlens-chain --version >/dev/null 2>&1) \
  || fail "a relative path to the symlink"
cp "$repo/server/target/archlens.jar" "$tmp/archlens.jar"
export ARCHLENS_JAR="$tmp/archlens.jar"
unset ARCHLENS_NO_CDS ARCHLENS_CDS_TRAIN ARCHLENS_JAVA_OPTS

CI=true "$repo/bin/archlens" check "$repo/examples" --format json >"$tmp/ci.json" || true
grep -q '"tool" : "archlens"' "$tmp/ci.json" || fail "no JSON report with CI set"
if ls "$tmp"/*.jsa >/dev/null 2>&1; then fail "an archive was written with CI set"; fi

env -u CI "$repo/bin/archlens" check "$repo/examples" --format json >"$tmp/first.json" 2>"$tmp/first.err" || true
jsa="$(ls "$tmp"/archlens-*.jsa 2>/dev/null | head -1)"
[ -n "$jsa" ] || fail "no archive after the first check"
if ls "$tmp"/*.tmp >/dev/null 2>&1; then fail "a temporary archive file was left"; fi
cmp -s "$tmp/ci.json" "$tmp/first.json" || fail "the archive-writing run printed something besides the report"
[ ! -s "$tmp/first.err" ] || fail "the archive-writing run wrote to stderr: $(head -3 "$tmp/first.err")"

ARCHLENS_JAVA_OPTS="-Xlog:class+load=info:file=$tmp/classes.txt" env -u CI "$repo/bin/archlens" --version \
  >"$tmp/version.txt"
grep -q '^archlens ' "$tmp/version.txt" || fail "--version printed $(cat "$tmp/version.txt")"
grep -q 'shared objects file (top)' "$tmp/classes.txt" || fail "the next run did not load classes from the archive"

# the server's own archive follows in the background; `lsp` then maps it
for _ in $(seq 1 60); do ls "$tmp"/archlens-*-lsp.jsa >/dev/null 2>&1 && break; sleep 1; done
lspjsa="$(ls "$tmp"/archlens-*-lsp.jsa 2>/dev/null | head -1)"
[ -n "$lspjsa" ] || fail "no server archive 60 s after the first check"
for _ in $(seq 1 10); do ls "$tmp"/*.tmp >/dev/null 2>&1 || break; sleep 1; done
if ls "$tmp"/*.tmp >/dev/null 2>&1; then fail "a temporary server archive file was left"; fi
lsp_session() {
  local b1='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  local b2='{"jsonrpc":"2.0","id":2,"method":"shutdown"}' b3='{"jsonrpc":"2.0","method":"exit"}'
  printf 'Content-Length: %d\r\n\r\n%s' "${#b1}" "$b1" "${#b2}" "$b2" "${#b3}" "$b3"
}
lsp_session | ARCHLENS_JAVA_OPTS="-Xlog:cds=info:file=$tmp/lsp-cds.txt" env -u CI timeout 60 "$repo/bin/archlens" lsp \
  >"$tmp/lsp.out" 2>/dev/null || fail "the server did not exit cleanly: $(head -c 300 "$tmp/lsp.out")"
grep -q '"id":2' "$tmp/lsp.out" || fail "no shutdown response from the server: $(head -c 300 "$tmp/lsp.out")"
grep -q "Opened archive $lspjsa" "$tmp/lsp-cds.txt" || fail "the server did not map its own archive"
# lost (a killed background run): the next check writes it again, while it maps the commands' archive
rm -f "$lspjsa"
env -u CI "$repo/bin/archlens" check "$repo/examples" --format json >"$tmp/again.json" 2>"$tmp/again.err" || true
cmp -s "$tmp/ci.json" "$tmp/again.json" || fail "the check that rewrites the server archive printed another report"
[ ! -s "$tmp/again.err" ] || fail "the check that rewrites the server archive wrote to stderr: $(head -3 "$tmp/again.err")"
for _ in $(seq 1 60); do [ -f "$lspjsa" ] && break; sleep 1; done
[ -f "$lspjsa" ] || fail "the server archive was not written again by a later check"

# Java 25+: an AOT cache instead of the archive, assembled in the background after the first check
j25=""
for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
  if [ "${v:-0}" -ge 25 ] 2>/dev/null && [ -x "$home/bin/java" ]; then j25="$home/bin/java"; break; fi
done
if [ -n "$j25" ]; then
  export ARCHLENS_JAVA="$j25"
  env -u CI "$repo/bin/archlens" check "$repo/examples" --format json >"$tmp/aot-first.json" 2>"$tmp/aot-first.err" || true
  cmp -s "$tmp/ci.json" "$tmp/aot-first.json" || fail "the AOT-recording run printed something besides the report"
  [ ! -s "$tmp/aot-first.err" ] || fail "the AOT-recording run wrote to stderr: $(head -3 "$tmp/aot-first.err")"
  for _ in $(seq 1 120); do ls "$tmp"/archlens-*.aot >/dev/null 2>&1 && break; sleep 1; done
  ls "$tmp"/archlens-*.aot >/dev/null 2>&1 || fail "no AOT cache 120 s after the first check on $j25"
  ARCHLENS_JAVA_OPTS="-Xlog:class+load=info:file=$tmp/aot-classes.txt" env -u CI "$repo/bin/archlens" check \
    "$repo/examples" --format json >"$tmp/aot-next.json" 2>"$tmp/aot-next.err" || true
  cmp -s "$tmp/ci.json" "$tmp/aot-next.json" || fail "the run with the AOT cache printed another report"
  grep -q 'shared objects file' "$tmp/aot-classes.txt" || fail "the next run did not load classes from the AOT cache"
  if ls "$tmp"/*.conf "$tmp"/*.tmp >/dev/null 2>&1; then fail "AOT training files were left"; fi
  unset ARCHLENS_JAVA
else
  echo "[launcher-e2e] no Java 25+ found: the AOT cache case is skipped"
fi
echo "[launcher-e2e] all cases passed"
