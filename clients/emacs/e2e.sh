#!/usr/bin/env bash
# End-to-end test of the ArchLens language server with Emacs eglot in batch mode.
# Copies clients/e2e/project to a temp dir, runs clients/emacs/e2e.el, exits non-zero on any failure.
# Installs Debian's emacs-nox and elpa-eglot (Emacs 28 has no built-in eglot) when missing and running as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

have_eglot() {
  command -v emacs >/dev/null 2>&1 &&
    emacs --batch --eval "(progn (require 'package) (package-initialize) (require 'eglot))" >/dev/null 2>&1
}
if ! have_eglot; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[emacs-e2e] installing emacs-nox and elpa-eglot (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq emacs-nox elpa-eglot >/dev/null
  else
    echo "[emacs-e2e] FAIL: Emacs with eglot not found (Debian: apt-get install emacs-nox elpa-eglot; Emacs 29+ has eglot built in)" >&2
    exit 1
  fi
fi
if [ ! -f "$repo/server/target/archlens.jar" ]; then
  echo "[emacs-e2e] building the server jar"
  (cd "$repo" && mvn -q -B package -DskipTests)
fi

# the rules the cases fix must be in this build (the Dockerfile and Compose packs)
rules="$(ARCHLENS_JAR="${ARCHLENS_JAR:-$repo/server/target/archlens.jar}" "$repo/bin/archlens" rules 2>/dev/null || true)"
for r in docker/maintainer-deprecated docker/no-latest-tag compose/obsolete-version compose/no-restart-policy; do
  if ! grep -q "^$r " <<<"$rules"; then
    echo "[emacs-e2e] FAIL: the server has no rule $r (is its rule pack in this build?)" >&2
    exit 1
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/archlens-emacs-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project" "$work/home"
cp -R "$repo/clients/e2e/project/." "$work/project/"

export ARCHLENS_E2E_DIR="$work/project"
export ARCHLENS_CMD="${ARCHLENS_CMD:-$repo/bin/archlens lsp}"
status=0
HOME="$work/home" timeout 180 emacs --batch -l "$here/e2e.el" </dev/null >"$work/emacs.log" 2>&1 || status=$?
# eglot's and Emacs's own chatter is left out; the test's lines and any error stay
grep -v '^\[eglot\]\|^Loading \|^Source file' "$work/emacs.log" || true
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "[emacs-e2e] FAIL: timed out after 180 s" >&2
  echo "[emacs-e2e] FAILED (exit $status)" >&2
  exit 1
fi
echo "[emacs-e2e] PASSED"
