#!/usr/bin/env bash
# End-to-end test of the ArchLens language server in headless Neovim (built-in LSP client, no plugins).
# Copies clients/e2e/project to a temp dir, runs clients/nvim/e2e.lua, exits non-zero on any failure.
# Installs Debian's neovim when missing and running as root. Needs server/target/archlens.jar (built if missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[nvim-e2e] installing neovim (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    echo "[nvim-e2e] FAIL: nvim not found; install Neovim 0.7+ (Debian: apt-get install neovim)" >&2
    exit 1
  fi
fi
if [ ! -f "$repo/server/target/archlens.jar" ]; then
  echo "[nvim-e2e] building the server jar"
  (cd "$repo" && mvn -q -B package -DskipTests)
fi

# the rules the cases fix must be in this build (the Dockerfile and Compose packs)
rules="$(ARCHLENS_JAR="${ARCHLENS_JAR:-$repo/server/target/archlens.jar}" "$repo/bin/archlens" rules 2>/dev/null || true)"
for r in docker/maintainer-deprecated docker/no-latest-tag compose/obsolete-version compose/no-restart-policy; do
  if ! grep -q "^$r " <<<"$rules"; then
    echo "[nvim-e2e] FAIL: the server has no rule $r (is its rule pack in this build?)" >&2
    exit 1
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/archlens-nvim-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project" "$work/xdg"
cp -R "$repo/clients/e2e/project/." "$work/project/"

export ARCHLENS_E2E_DIR="$work/project"
export ARCHLENS_CMD="${ARCHLENS_CMD:-$repo/bin/archlens lsp}"
# keep Neovim's state, cache (lsp.log) and config out of the user's home
export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_STATE_HOME="$work/xdg/state" \
  XDG_CACHE_HOME="$work/xdg/cache"

status=0
timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $here/e2e.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "[nvim-e2e] FAIL: timed out after 180 s" >&2
  echo "[nvim-e2e] FAILED (exit $status)" >&2
  exit 1
fi
echo "[nvim-e2e] PASSED"
