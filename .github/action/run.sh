#!/usr/bin/env bash
# The shell step of the ArchLens GitHub Action (action.yml). Inputs arrive as ARCHLENS_INPUT_* variables (never
# spliced into the script: they are data), results leave through $GITHUB_OUTPUT. Runs locally too:
#   GITHUB_OUTPUT=/tmp/out ARCHLENS_INPUT_PATH=examples .github/action/run.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="${ARCHLENS_LAUNCHER:-$here/../../bin/archlens}"
output="${GITHUB_OUTPUT:-/dev/null}"

args=(check)
# path: several paths separated by white space (a path with spaces: name its folder instead)
read -r -a paths <<< "${ARCHLENS_INPUT_PATH:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args+=("${paths[@]}")
args+=(--fail-on "${ARCHLENS_INPUT_FAIL_ON:-warning}" --format "${ARCHLENS_INPUT_FORMAT:-github}")
[ -z "${ARCHLENS_INPUT_PROFILE:-}" ] || args+=(--profile "$ARCHLENS_INPUT_PROFILE")
[ -z "${ARCHLENS_INPUT_BASELINE:-}" ] || args+=(--baseline "$ARCHLENS_INPUT_BASELINE")

since="${ARCHLENS_INPUT_CHANGED_SINCE:-}"
if [ "$since" = auto ]; then
  since=""
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    since="origin/$GITHUB_BASE_REF"
    if ! git rev-parse --verify --quiet "$since^{commit}" >/dev/null; then
      echo "archlens: fetching the base branch $GITHUB_BASE_REF for changed-since" >&2
      git fetch --no-tags --quiet origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" >&2 \
        || echo "archlens: could not fetch $GITHUB_BASE_REF" >&2
    fi
  else
    echo "archlens: changed-since auto: not a pull request (${GITHUB_EVENT_NAME:-no event}), checking everything" >&2
  fi
fi
[ -z "$since" ] || args+=(--changed-since "$since")

sarif=""
if [ "${ARCHLENS_INPUT_SARIF:-false}" = true ]; then
  sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/archlens.sarif"
  args+=(--sarif-output "$sarif")
fi

export CI="${CI:-true}"
rc=0
"$launcher" "${args[@]}" || rc=$?
{
  echo "exit-code=$rc"
  if [ -n "$sarif" ] && [ -s "$sarif" ]; then echo "sarif-file=$sarif"; fi
} >> "$output"
case "$rc" in
  0) ;;
  1) echo "archlens: findings at or above ${ARCHLENS_INPUT_FAIL_ON:-warning} (exit 1)" >&2 ;;
  *) echo "archlens: check could not run (exit $rc)" >&2 ;;
esac
exit "$rc"
