#!/usr/bin/env bash
# CI for the editor clients, run by `mvn -B verify` (module clients/, exec plugin) from the repository root:
#   1. VS Code extension: npm ci, unit tests (no VS Code download), .vsix build (no publishing), .vsix contents check,
#      and the linux-x64 .vsix with a jlinked Java runtime when a JDK here can jlink (scripts/runtime.sh)
#   2. Neovim end-to-end test (clients/nvim/e2e.sh)
#   3. Emacs eglot end-to-end test (clients/emacs/e2e.sh)
#   4. the launcher: run through symlinks, and its class-data archive handling (clients/launcher/e2e.sh)
# Missing tools are installed with apt-get when running as root (a fresh Debian machine). Exits non-zero on the
# first failure. Prints "N passed, N failed" at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
passed=0
failed=0

say() { echo "[clients-ci] $*"; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "FAIL: missing $* and cannot install it (not root, or no apt-get)"
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing $* (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
command -v mvn >/dev/null 2>&1 || apt_install maven
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
command -v unzip >/dev/null 2>&1 || apt_install unzip
command -v nvim >/dev/null 2>&1 || apt_install neovim
if ! command -v emacs >/dev/null 2>&1 ||
  ! emacs --batch --eval "(progn (require 'package) (package-initialize) (require 'eglot))" >/dev/null 2>&1; then
  apt_install emacs-nox elpa-eglot
fi

if [ ! -f "$repo/server/target/archlens.jar" ]; then
  say "building the server jar"
  (cd "$repo" && mvn -q -B package -DskipTests)
fi

step() {
  local name="$1"
  shift
  say "== $name"
  if "$@"; then
    passed=$((passed + 1))
    say "ok: $name"
  else
    failed=$((failed + 1))
    say "FAILED: $name"
    echo "clients: $passed passed, $failed failed"
    exit 1
  fi
}

vscode() {
  cd "$repo/clients/vscode"
  npm ci --no-audit --no-fund --loglevel=error
  npm test
  rm -f ./*.vsix
  # vscode:prepublish bundles with esbuild and copies server/target/archlens.jar in
  npx --no-install vsce package --no-dependencies
  local vsix
  vsix="$(ls ./*.vsix)"
  local listing
  listing="$(unzip -l "$vsix")"
  for f in extension/dist/extension.js extension/dist/media/graph.js extension/dist/media/graph.css \
    extension/server/archlens.jar extension/package.json extension/readme.md; do
    if ! grep -q " $f\$" <<<"$listing"; then
      say "the .vsix lacks $f"
      return 1
    fi
  done
  if grep -q "extension/src/\|extension/node_modules/\|extension/test/\|extension/runtime/\|mermaid" <<<"$listing"; then
    say "the .vsix ships sources, node_modules, a Java runtime or a graph renderer (the server draws the graph)"
    return 1
  fi
  say "built $vsix ($(du -h "$vsix" | cut -f1))"
  # the linux-x64 .vsix with its own jlinked Java (skipped, saying why, when no JDK here can jlink); the script
  # checks that the runtime runs the server (a check and the in-process editor session of the warm-up)
  bash scripts/runtime.sh
  local platform
  platform="$(ls ./archlens-linux-x64-*.vsix 2>/dev/null || true)"
  if [ -n "$platform" ]; then
    listing="$(unzip -l "$platform")"
    for f in extension/runtime/bin/java extension/runtime/lib/modules extension/server/archlens.jar \
      extension/dist/extension.js; do
      if ! grep -q " $f\$" <<<"$listing"; then
        say "the linux-x64 .vsix lacks $f"
        return 1
      fi
    done
    if [ "$(stat -c %s "$platform")" -gt 45000000 ]; then
      say "the linux-x64 .vsix is $(stat -c %s "$platform") bytes, over the 45 MB budget"
      return 1
    fi
  fi
  # the production bundle loads (every import resolved by esbuild) and exports the extension's entry points
  node --require ./out/test/mock/register.js -e '
    const e = require("./dist/extension.js");
    if (typeof e.activate !== "function" || typeof e.deactivate !== "function") { process.exit(1); }'
  # the graph webview shows the server's drawing offline, when a Chromium is at hand (not installed for this)
  if command -v chromium >/dev/null 2>&1; then
    node --require ./out/test/mock/register.js out/scripts/webview-smoke.js 2>/dev/null
    # and the server's own drawing of the e2e project (the renderer of archlens report and showGraph svg)
    "$repo/bin/archlens" graph --format svg "$repo/clients/e2e/project" >"$repo/clients/vscode/out/e2e-graph.html"
    ARCHLENS_GRAPH_FILE="$repo/clients/vscode/out/e2e-graph.html" \
      node --require ./out/test/mock/register.js out/scripts/webview-smoke.js 2>/dev/null
  else
    say "webview smoke test not run: no chromium (apt-get install chromium to run it)"
  fi
}

step "VS Code extension: npm ci, npm test, vsce package" vscode
step "Neovim end-to-end" "$repo/clients/nvim/e2e.sh"
step "Emacs eglot end-to-end" "$repo/clients/emacs/e2e.sh"
step "bin/archlens launcher: symlinks, class-data archive" "$repo/clients/launcher/e2e.sh"
echo "clients: $passed passed, $failed failed"
