#!/usr/bin/env bash
# Builds the platform-specific .vsix for linux-x64: the plain extension plus runtime/, a jlinked Java runtime with
# only the modules the server needs, so VS Code users need no Java install. Run from clients/vscode after the
# plain .vsix has been built (server/archlens.jar and dist/ in place):
#   scripts/runtime.sh            -> archlens-linux-x64-<version>.vsix
# The JDK comes from ARCHLENS_JLINK_JDK, else the newest JDK under /usr/lib/jvm (or JAVA_HOME) whose jlink can
# link: one with jmods/, or a JDK 24+ built with a linkable run-time image (JEP 493; Temurin 25 is). Without one
# it prints why and exits 0: the plain .vsix stays the product, the platform one is an extra.
#
# What goes in: java.base, java.sql (Jackson's and Gson's optional date support link against it) and
# jdk.unsupported (Guava's sun.misc.Unsafe paths), plus jdk.crypto.ec where it is still a module (JDK < 24: TLS to
# LLM providers); `jdeps --print-module-deps` on the jar also names java.desktop, only for Jackson's optional
# java.beans support, which it loads reflectively and skips when absent. The runtime gets its own base class-data
# archive (jlink --generate-cds-archive); the server's application archive cannot be made here, since the JVM
# ties it to the jar's absolute path: the extension lets the JVM write it on first start
# (-XX:+AutoCreateSharedArchive) in its global storage.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
say() { echo "[runtime] $*"; }

can_link() { # JDK home -> 0 when its jlink can make images
  local jdk="$1"
  [ -x "$jdk/bin/jlink" ] || return 1
  [ -d "$jdk/jmods" ] && return 0
  local major
  major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ -n "$major" ] && [ "$major" -ge 24 ]
}

jdk=""
if [ -n "${ARCHLENS_JLINK_JDK:-}" ]; then
  jdk="$ARCHLENS_JLINK_JDK"
else
  for cand in ${JAVA_HOME:-} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    cand="${cand%/}"
    if can_link "$cand"; then jdk="$cand"; break; fi
  done
fi
if [ -z "$jdk" ] || ! can_link "$jdk"; then
  say "skipping the linux-x64 .vsix: no JDK with jmods/ (or a linkable JDK 24+) found; set ARCHLENS_JLINK_JDK"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  say "skipping the linux-x64 .vsix: this machine is $(uname -s)-$(uname -m)"
  exit 0
fi
[ -f server/archlens.jar ] || { say "server/archlens.jar missing: run npm run copy-server first"; exit 1; }

modules="java.base,java.sql,jdk.unsupported"
jdk_major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${jdk_major:-0}" -lt 24 ]; then modules="$modules,jdk.crypto.ec"; fi # folded into java.base since 24
rm -rf runtime
say "jlink from $jdk: $modules"
if ! "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-9 \
    --generate-cds-archive --output runtime; then
  rm -rf runtime
  say "skipping the linux-x64 .vsix: jlink of $jdk failed (a JDK 24+ without a linkable run-time image needs jmods/)"
  exit 0
fi
# size: the archive for uncompressed oops serves heaps over 32 GB only; the JVM's native symbols serve debuggers
rm -f runtime/lib/server/classes_nocoops.jsa
if command -v strip >/dev/null 2>&1; then
  find runtime/lib -name '*.so' -exec strip --strip-unneeded {} +
fi
# this .vsix runs on linux-x64 only: the tree-sitter libraries for the other platforms (macOS, Windows, arm64) leave
# the jar it carries (the plain .vsix, built before, keeps them all); vsce's prepublish copies ARCHLENS_JAR in
linuxjar="$(mktemp -d)/archlens.jar"
python3 - server/archlens.jar "$linuxjar" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        n = item.filename
        if n.startswith("lib/") and "tree-sitter" in n and not n.startswith("lib/x86_64-linux-gnu-"):
            continue
        zout.writestr(item, zin.read(n))
PY
cp "$linuxjar" server/archlens.jar
# the runtime must run the server: a check of a scratch project (a Dockerfile, and Python through tree-sitter's
# native library) and the in-process editor session of the warm-up
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
printf 'FROM node:20.11-bookworm-slim\nUSER node\nCMD ["node", "server.js"]\n' > "$scratch/Dockerfile"
printf 'import requests\n\n\ndef get(u):\n    return requests.get(u)\n' > "$scratch/app.py"
rc=0
ARCHLENS_WARMUP_LSP=1 runtime/bin/java -XX:+UseSerialGC -jar server/archlens.jar check "$scratch" --format json \
  > "$scratch/out.json" || rc=$?
if [ "$rc" -gt 1 ] || ! grep -q '"rule"' "$scratch/out.json"; then
  say "FAIL: the linked runtime cannot run the server (exit $rc)"
  exit 1
fi
if ! grep -q 'python/requests-no-timeout' "$scratch/out.json"; then
  say "FAIL: the linked runtime does not read Python (tree-sitter's native library did not load)"
  exit 1
fi
version="$(node -p "require('./package.json').version")"
out="archlens-linux-x64-$version.vsix"
rm -f "$out"
ARCHLENS_JAR="$linuxjar" npx --no-install vsce package --no-dependencies --target linux-x64 --ignoreFile .vscodeignore-platform -o "$out" \
  >/dev/null
say "built $out ($(du -h "$out" | cut -f1); runtime $(du -sh runtime | cut -f1) on disk)"
