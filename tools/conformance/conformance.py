#!/usr/bin/env python3
"""Conformance harness: runs a peer linter's own test cases through `archlens check` and prints how much of the
peer ArchLens covers, how many of the peer's positive cases it catches, and how many negative cases it flags.

    python3 tools/conformance/conformance.py hadolint /path/to/hadolint-checkout [--jar server/target/archlens.jar]
    python3 tools/conformance/conformance.py squawk   /path/to/squawk-checkout

A checkout is a work tree or a bare git directory (the harness reads HEAD).

The peer's test inputs are read from its checkout and written to a temporary folder only; nothing of the peer is
kept in this repository except the reviewed rule mapping (tools/conformance/<peer>.tsv):

    peer-rule <TAB> relevant|style <TAB> archlens-rule[,archlens-rule...] or - <TAB> note

An ArchLens rule may be written `rule~regex` when one rule groups several peer rules about different settings of
the same resource (tf/datastore-tls-not-enforced judges both AUTH and TLS of a Memorystore instance): a finding of
that rule counts for this peer rule only when its message matches the regex (the setting's name), so that a
finding about another setting is neither a catch nor a false alarm of this one. The regex cannot hold a comma (the
column is comma-separated): write `.` for it.

Figures (relevant rules only; style rules are listed but not counted):
  covered      relevant peer rules mapped to at least one ArchLens rule / relevant peer rules
  caught       positive cases of covered rules where a mapped ArchLens rule fires / those positive cases
  false alarms negative cases of covered rules where a mapped ArchLens rule fires / those negative cases
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import extractors  # noqa: E402
import extractors_checkov  # noqa: E402
import extractors_semgrep  # noqa: E402
import extractors_ghaoas  # noqa: E402
import extractors_go  # noqa: E402
import extractors_eslint_security  # noqa: E402
import extractors_python  # noqa: E402

extractors.PEERS.setdefault("checkov", extractors_checkov.checkov)
extractors.PEERS.setdefault("semgrep-java", extractors_semgrep.semgrep_java)
extractors.PEERS.setdefault("semgrep-js", extractors_semgrep.semgrep_js)
extractors.PEERS.update(extractors_ghaoas.PEERS)
extractors.PEERS.update(extractors_go.PEERS)
extractors.PEERS.update(extractors_eslint_security.PEERS)
extractors.PEERS.update(extractors_python.PEERS)


def load_mapping(peer):
    mapping = {}
    for raw in (HERE / f"{extractors_ghaoas.MAPPING.get(peer, peer)}.tsv").read_text().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        rule, relevance, ours = cols[0], cols[1], cols[2]
        mapping[rule] = (relevance, [] if ours == "-" else ours.split(","))
    return mapping


def load_disputed(peer):
    """Case names the reviewed <peer>-disputed.tsv sets aside (invalid input or a wrong expectation), with why."""
    path = HERE / f"{peer}-disputed.tsv"
    if not path.exists():
        return {}
    out = {}
    for raw in path.read_text().splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, _, why = raw.partition("\t")
            out[name] = why
    return out


def matches(ours, rule, message):
    """True when a finding of `rule` with `message` counts for one of the mapped entries (`rule` or `rule~regex`)."""
    for entry in ours:
        name, _, regex = entry.partition("~")
        if name == rule and (not regex or re.search(regex, message)):
            return True
    return False


_BUILT_AT = re.compile(r"\b(?:built|written|appended|made|opened) at line (\d+)")


def in_window(lines, line, message):
    """A finding's line is in a case's window (None = the whole file), or the line its message names as where the
    reported value was built ("variable 'q' built at line 18", "a gzip stream (made at line 12)"): ArchLens reports
    at the use (the sink, the read) and says where the value came from, Semgrep anchors the same match on where it
    was made (its match spans both)."""
    if lines is None:
        return True
    named = [int(n) for n in _BUILT_AT.findall(message)]
    return any(lines[0] <= n <= lines[1] for n in [line] + named)


def run_archlens(jar, folder):
    """Findings per case folder: {folder: [(rule, line)]}."""
    out = subprocess.run(["java", "-jar", jar, "check", str(folder), "--format", "json", "--fail-on", "error",
                          "--profile", "strict"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"archlens failed ({out.returncode}): {out.stderr[:2000]}")
    data = json.loads(out.stdout)
    fired = defaultdict(list)
    for f in data["findings"]:
        fired[Path(f["path"]).parts[0]].append((f["rule"], f.get("line", 0), f.get("message", "")))
    return fired


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer", choices=sorted(extractors.PEERS))
    ap.add_argument("checkout")
    ap.add_argument("--jar", default=str(HERE.parent.parent / "server/target/archlens.jar"))
    ap.add_argument("--verbose", action="store_true", help="list every failing case")
    a = ap.parse_args()
    mapping = load_mapping(a.peer)
    cases = extractors.PEERS[a.peer](Path(a.checkout))
    unknown = sorted({c.rule for c in cases} - set(mapping))
    folder_of = {}
    with tempfile.TemporaryDirectory(prefix="archlens-conf-") as tmp:
        # cases that carry the peer's per-case configuration (squawk's pg_version) run in their own root, whose
        # .archlens.yml says the same thing; all others in one root without settings
        roots = {}
        for i, c in enumerate(cases):
            key = c.group or i
            if key in folder_of:
                continue
            settings = getattr(c, "settings", None)
            if settings not in roots:
                roots[settings] = Path(tmp) / f"root{len(roots)}"
                roots[settings].mkdir()
                if settings:
                    (roots[settings] / ".archlens.yml").write_text(settings)
            folder_of[key] = f"case{i:05d}"
            d = roots[settings] / f"case{i:05d}"
            (d / c.filename).parent.mkdir(parents=True, exist_ok=True)
            (d / c.filename).write_text(c.text)
        cwd = os.getcwd()
        jar = os.path.abspath(os.path.join(cwd, a.jar)) if not os.path.isabs(a.jar) else a.jar
        fired = defaultdict(list)
        try:
            for root in roots.values():
                os.chdir(root)
                for k, v in run_archlens(jar, ".").items():
                    fired[k].extend(v)
        finally:
            os.chdir(cwd)
    per_rule = defaultdict(lambda: {"pos": 0, "caught": 0, "neg": 0, "alarms": 0})
    failures = []
    for i, c in enumerate(cases):
        relevance, ours = mapping.get(c.rule, ("unmapped", []))
        if relevance != "relevant" or not ours:
            continue
        found = fired.get(folder_of[c.group or i], [])
        hit = any(matches(ours, r, msg) and in_window(c.lines, line, msg) for r, line, msg in found)
        s = per_rule[c.rule]
        if c.positive:
            s["pos"] += 1
            s["caught"] += hit
            if not hit:
                failures.append(("missed", c))
        else:
            s["neg"] += 1
            s["alarms"] += hit
            if hit:
                failures.append(("false alarm", c))
    disputed = load_disputed(a.peer)
    if disputed:
        seen = {c.name for c in cases}
        d_pos = d_caught = d_neg = d_alarms = 0
        for i, c in enumerate(cases):
            relevance, ours = mapping.get(c.rule, ("unmapped", []))
            if relevance != "relevant" or not ours or c.name not in disputed:
                continue
            found = fired.get(folder_of[c.group or i], [])
            hit = any(matches(ours, r, msg) and in_window(c.lines, line, msg) for r, line, msg in found)
            if c.positive:
                d_pos, d_caught = d_pos + 1, d_caught + hit
            else:
                d_neg, d_alarms = d_neg + 1, d_alarms + hit
        stale = sorted(set(disputed) - seen)
    relevant = [r for r, (rel, _) in mapping.items() if rel == "relevant"]
    covered = [r for r in relevant if mapping[r][1]]
    pos = sum(s["pos"] for s in per_rule.values())
    caught = sum(s["caught"] for s in per_rule.values())
    neg = sum(s["neg"] for s in per_rule.values())
    alarms = sum(s["alarms"] for s in per_rule.values())
    pct = lambda x, y: f"{100.0 * x / y:.0f}%" if y else "n/a"
    print(f"peer: {a.peer}  cases extracted: {len(cases)}  ({extractors.describe(a.peer, Path(a.checkout))})")
    print(f"relevant peer rules covered: {len(covered)}/{len(relevant)} = {pct(len(covered), len(relevant))}")
    print(f"caught on positive cases:    {caught}/{pos} = {pct(caught, pos)}")
    print(f"false alarms on negatives:   {alarms}/{neg} = {pct(alarms, neg)}")
    if disputed:
        c2, p2 = caught - d_caught, pos - d_pos
        a2, n2 = alarms - d_alarms, neg - d_neg
        print(f"without the {d_pos + d_neg} disputed cases ({a.peer}-disputed.tsv): caught {c2}/{p2} = {pct(c2, p2)},"
              f" false alarms {a2}/{n2} = {pct(a2, n2)}")
        if stale:
            print("disputed cases not found: " + "; ".join(stale))
    print("uncovered relevant rules: " + (", ".join(r for r in relevant if not mapping[r][1]) or "none"))
    weak = [f"{r} ({s['caught']}/{s['pos']} caught, {s['alarms']}/{s['neg']} alarms)" for r, s in sorted(per_rule.items())
            if s["caught"] < s["pos"] or s["alarms"]]
    print("rules with misses or alarms: " + ("; ".join(weak) or "none"))
    if unknown:
        print("peer rules with cases but no mapping line: " + ", ".join(unknown))
    if a.verbose:
        for kind, c in failures:
            print(f"--- {kind}: {c.rule} ({c.name})\n{c.text.rstrip()}")


if __name__ == "__main__":
    main()
