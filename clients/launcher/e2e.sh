#!/usr/bin/env bash
# End-to-end test of bin/archlens: run through symlinks (the editor install links it into ~/.local/bin), it
# finds its jar; and its class-data archive handling, on a copy of the built jar (the real server/target is left
# alone): on a CI runner no archive is written; the first `check` writes one (renamed into place, no temporary
# file left) with stdout carrying only the report; the next run maps it.
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
echo "[launcher-e2e] all cases passed"
