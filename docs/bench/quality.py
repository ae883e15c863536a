#!/usr/bin/env python3
"""ArchLens on real repositories: what it saw, analysed, skipped and found, per repository.

Usage (repository root, after `mvn -B -q -o package -DskipTests -Darchlens.skipClients`):

    python3 docs/bench/quality.py /tmp/quality-repos            # every sub-folder is one repository
    python3 docs/bench/quality.py /tmp/quality-repos/foo /tmp/x  # or name repositories one by one (a single
                                                                 # folder is one repository when it has .git or .commit)
    options: --jar PATH (default server/target/archlens.jar), --top N (rules listed, default 10),
             --markdown (one docs/quality.md-style section per repository), --keep DIR (save each JSON report)

Each repository is checked with `java -jar archlens.jar check . --format json` from inside it, so paths
are relative to it. The commit is read with `git rev-parse HEAD` (a `git worktree add` checkout) or from a
file named `.commit` in the folder (a `git archive` extraction). Works with and without the `files` and
`skipped` arrays of the JSON report: without `files`, the kind of an analysed file is inferred from the
rule ids of its findings, and files without findings count as "unknown kind".
Python 3.8+, no dependencies.
"""
import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import time

# FileWalker.SKIPPED_DIRS: vendored and build output folders ArchLens never walks.
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "target", "build", "dist", "vendor", ".venv", "venv",
                "__pycache__", ".terraform", ".idea", ".gradle", ".mvn", ".tox", "bower_components", ".next",
                ".nuxt", "out"}
SEVERITIES = ["error", "warning", "info", "hint"]


def files_seen(repo):
    n = 0
    for _, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        n += sum(1 for f in files if f != ".commit")
    return n


def commit_of(repo):
    try:
        out = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                             timeout=20)
        if out.returncode == 0 and len(out.stdout.strip()) == 40:
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    f = repo / ".commit"
    return f.read_text().strip() if f.is_file() else "?"


def kind_of_rule(rule):
    return rule.split("/", 1)[0] if "/" in rule else rule


def run(repo, jar):
    t0 = time.monotonic()
    p = subprocess.run(["java", "-jar", str(jar), "check", ".", "--format", "json"], cwd=repo,
                       capture_output=True, text=True)
    elapsed = time.monotonic() - t0
    try:
        report = json.loads(p.stdout)
    except ValueError:
        report = None
    return report, p.returncode, p.stderr, elapsed


def summarize(repo, report, rc, stderr, elapsed):
    findings = report.get("findings", []) if report else []
    skipped = report.get("skipped") if report else None
    files = report.get("files") if report else None
    summary = report.get("summary", {}) if report else {}
    s = {"repo": repo.name, "commit": commit_of(repo), "seen": files_seen(repo), "rc": rc,
         "seconds": elapsed, "stderr_lines": len([l for l in stderr.splitlines() if l.strip()]),
         "findings": len(findings)}
    by_kind = collections.Counter()
    if isinstance(files, list):
        for f in files:
            by_kind[str(f.get("kind", "?")).lower()] += 1
        s["analysed"] = len(files)
        s["kinds_from"] = "files"
    else:
        kinds_per_path = collections.defaultdict(collections.Counter)
        for f in findings:
            k = kind_of_rule(f.get("rule", "?"))
            if k not in ("archlens", "arch"):
                kinds_per_path[f.get("path")][k] += 1
        for counts in kinds_per_path.values():
            by_kind[counts.most_common(1)[0][0]] += 1
        s["analysed"] = summary.get("files", "?")
        if isinstance(s["analysed"], int) and s["analysed"] > len(kinds_per_path):
            by_kind["unknown kind (no findings)"] = s["analysed"] - len(kinds_per_path)
        s["kinds_from"] = "findings"
    s["by_kind"] = dict(by_kind.most_common())
    reasons = collections.Counter()
    for k in skipped or []:
        reasons[k.get("reason") or k.get("code") or "?"] += 1
    s["skipped"] = len(skipped) if isinstance(skipped, list) else "n/a (no skipped array)"
    s["skip_reasons"] = dict(reasons.most_common())
    s["by_finding_kind"] = dict(collections.Counter(kind_of_rule(f.get("rule", "?")) for f in findings).most_common())
    s["by_severity"] = {sev: n for sev in SEVERITIES
                        if (n := sum(1 for f in findings if f.get("severity") == sev))}
    s["rules"] = collections.Counter((f.get("rule"), f.get("severity")) for f in findings).most_common()
    s["errors"] = [f for f in findings if f.get("severity") == "error"]
    return s


def fmt_counts(d):
    return ", ".join(f"{k} {v}" for k, v in d.items()) or "none"


def print_text(s, top):
    print(f"== {s['repo']} @ {s['commit'][:12]}  ({s['seconds']:.1f} s, exit {s['rc']}, "
          f"{s['stderr_lines']} stderr lines)")
    print(f"  files seen (walk, excl. vendored dirs): {s['seen']}")
    print(f"  analysed: {s['analysed']}  by kind ({'JSON files[]' if s['kinds_from'] == 'files' else 'inferred from findings'}): "
          f"{fmt_counts(s['by_kind'])}")
    print(f"  skipped: {s['skipped']}  {fmt_counts(s['skip_reasons']) if s['skip_reasons'] else ''}")
    print(f"  findings: {s['findings']}  by kind: {fmt_counts(s['by_finding_kind'])}")
    print(f"  by severity: {fmt_counts(s['by_severity'])}")
    print(f"  top rules:")
    for (rule, sev), n in s["rules"][:top]:
        print(f"    {n:6d}  {rule} ({sev})")
    for f in s["errors"][:top]:
        print(f"  error: {f.get('path')}:{f.get('line')} {f.get('rule')}: {f.get('message', '')[:160]}")
    if len(s["errors"]) > top:
        print(f"  ... {len(s['errors']) - top} more errors")


def print_markdown(s, top):
    print(f"### {s['repo']}\n")
    print(f"- commit `{s['commit']}`; `check` took {s['seconds']:.1f} s, exit {s['rc']}")
    print(f"- files seen {s['seen']} / analysed {s['analysed']} ({fmt_counts(s['by_kind'])}) / "
          f"skipped {s['skipped']}{' (' + fmt_counts(s['skip_reasons']) + ')' if s['skip_reasons'] else ''}")
    print(f"- findings {s['findings']}: {fmt_counts(s['by_finding_kind'])}; {fmt_counts(s['by_severity'])}")
    print("- top rules: " + ", ".join(f"`{r}` {n}" for (r, _), n in s["rules"][:top]))
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=pathlib.Path)
    ap.add_argument("--jar", type=pathlib.Path, default=pathlib.Path("server/target/archlens.jar"))
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--keep", type=pathlib.Path)
    a = ap.parse_args()
    jar = a.jar.resolve()
    if not jar.is_file():
        sys.exit(f"no jar at {jar}: build it first (mvn -B -q -o package -DskipTests -Darchlens.skipClients)")
    repos = []
    for p in a.paths:
        p = p.resolve()
        if (p / ".git").exists() or (p / ".commit").exists() or len(a.paths) > 1:
            repos.append(p)
        else:
            repos.extend(sorted(c for c in p.iterdir() if c.is_dir() and not c.name.startswith(".")))
    totals = collections.Counter()
    for repo in repos:
        report, rc, stderr, elapsed = run(repo, jar)
        if report is None:
            print(f"== {repo.name}: no JSON report (exit {rc}); stderr: {stderr.strip()[:400]}")
            continue
        if a.keep:
            a.keep.mkdir(parents=True, exist_ok=True)
            (a.keep / f"{repo.name}.json").write_text(json.dumps(report, indent=1))
        s = summarize(repo, report, rc, stderr, elapsed)
        (print_markdown if a.markdown else print_text)(s, a.top)
        totals.update({"repos": 1, "findings": s["findings"], "seconds": s["seconds"]})
    print(f"total: {totals['repos']} repositories, {totals['findings']} findings, {totals['seconds']:.1f} s")


if __name__ == "__main__":
    main()
