"""Extractors for zizmor (GitHub Actions) and Spectral (`spectral:oas` and the OWASP API Security ruleset).

zizmor: the integration tests `crates/zizmor/tests/integration/audit/*.rs` run zizmor on an input under
`tests/integration/test-data/` with a persona and compare against an inline snapshot. Every finding in a snapshot
is a positive case (its audit, the lines of its primary span); a test whose snapshot has no finding of the audit the
test file is about is a negative case for that audit (the whole input). Tests that change the configuration, fix
files, need the network or build a workspace are left out. One peer per persona: `zizmor` (regular),
`zizmor-pedantic`, `zizmor-auditor`. `# zizmor: ignore[audit]` comments become `# archlens-ignore <mapped rules>`.

Spectral: `testRule(rule, [{name, document, errors}])` in the rulesets' `__tests__/*.test.ts`. The TypeScript is
evaluated by node with stubs for the test helpers (tests whose document is a `Document` over a fixture file are left
out). Each document is written as JSON; each expected error is a positive case on the lines of the node its `path`
names (the deepest part of the path that exists); a test with `errors: []` is a negative case (the whole document).
"""
import json
import re
import subprocess
import tempfile
from pathlib import Path

from extractors import Case, Checkout, _RUST_STR, _rust_unescape

HERE = Path(__file__).resolve().parent

# ---- zizmor ----

_ZZ_AUDITS = "crates/zizmor/tests/integration/audit"
_ZZ_DATA = "crates/zizmor/tests/integration/test-data/"
_ZZ_TEST = re.compile(r"#\[test\]\s*(?:#\[[^\]]*\]\s*)*fn\s+(\w+)")
_ZZ_FINDING = re.compile(r"^\s*(?:error|warning|help|info|note)\[([\w-]+)\]:")
_ZZ_AT = re.compile(r"^\s*--> @@INPUT@@(/[^:]+)?:(\d+):\d+")
_ZZ_NUMBERED = re.compile(r"^\s*(\d+) \|")
_ZZ_SKIP = (".config(", "--fix", "WorkspaceBuilder", "AssertOnline", ".stdin(", "--config", "--min-", ".setenv(",
            "expects_failure", "gh_token(true)", "--collect", "--no-online-audits=false")


def _zz_persona(block):
    m = re.search(r"--persona=(\w+)", block)
    if m:
        return m.group(1)
    return "pedantic" if "--pedantic" in block else "regular"


def _zz_snapshot(block):
    i = block.find("@r")
    j = block.find('@"')
    starts = [k for k in (i, j) if k >= 0]
    if not starts:
        return None
    m = _RUST_STR.match(block, min(starts) + 1)
    if not m:
        return None
    raw = m.group(2) if m.group(2) is not None else _rust_unescape(m.group(3))
    lines = raw.split("\n")
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return [l[indent:] for l in lines]


def _zz_findings(snapshot):
    """[(audit, file suffix or '', first line, last line)] of the primary spans."""
    out = []
    k = 0
    while k < len(snapshot):
        m = _ZZ_FINDING.match(snapshot[k])
        at = _ZZ_AT.match(snapshot[k + 1]) if m and k + 1 < len(snapshot) else None
        if not at:
            k += 1
            continue
        first = last = int(at.group(2))
        seen = False
        for l in snapshot[k + 2:]:
            if _ZZ_FINDING.match(l):
                break
            n = _ZZ_NUMBERED.match(l)
            if n:
                if int(n.group(1)) == first:
                    seen = True
                if seen and int(n.group(1)) >= last:
                    last = int(n.group(1))
            elif seen and "^" in l:
                break
        out.append((m.group(1), (at.group(1) or "").lstrip("/"), first, last))
        k += 2
    return out


def _zz_place(name, text):
    if re.search(r"^runs:", text, re.M):
        return f"{Path(name).parent.name or 'action'}/action.yml"
    if re.search(r"^updates:", text, re.M):
        return ".github/dependabot.yml"
    if name.endswith(".pre-commit-config.yaml") or name.endswith(".pre-commit-config.yml"):
        return ".pre-commit-config.yaml"
    return ".github/workflows/" + Path(name).name


def _zz_suppressions(text, mapping):
    def repl(m):
        ours = sorted({r for a in re.split(r"\s*,\s*", m.group(1)) for r in mapping.get(a, ("", []))[1]})
        return ("# archlens-ignore " + ", ".join(ours) + " -- zizmor: ignore") if ours else m.group(0)
    return re.sub(r"#\s*zizmor:\s*ignore\[([^\]]+)\]", repl, text)


def _zizmor(root, persona):
    co = Checkout(root)
    mapping = {}
    for raw in (HERE / "zizmor.tsv").read_text().splitlines():
        cols = raw.split("\t")
        if len(cols) >= 3 and not raw.startswith("#"):
            mapping[cols[0]] = (cols[1], [] if cols[2] == "-" else cols[2].split(","))
    data_files = set(co.files(_ZZ_DATA))
    cases, seen = [], set()
    for path in co.files(_ZZ_AUDITS):
        if not path.endswith(".rs") or path.endswith("mod.rs"):
            continue
        audit = Path(path).stem.replace("_", "-")
        src = co.read(path)
        tests = list(_ZZ_TEST.finditer(src))
        for t, m in enumerate(tests):
            block = src[m.end(): tests[t + 1].start() if t + 1 < len(tests) else len(src)]
            inputs = re.findall(r'input_under_test\(\s*"([^"]+)"\s*,?\s*\)', block)
            if len(inputs) != 1 or any(s in block for s in _ZZ_SKIP) or _zz_persona(block) != persona:
                continue
            snap = _zz_snapshot(block)
            if snap is None:
                continue
            inp = _ZZ_DATA + inputs[0]
            findings = _zz_findings(snap)
            if inp.endswith("/"):
                names = {f[1] for f in findings} or {p[len(inp):] for p in data_files if p.startswith(inp)}
                files = [(inp + n, n) for n in sorted(names) if inp + n in data_files]
            elif inp in data_files:
                files = [(inp, "")]
            else:
                continue
            for full, suffix in files:
                text = _zz_suppressions(co.read(full), mapping)
                where = _zz_place(full, text)
                group = f"{persona}:{full}"
                mine = [f for f in findings if f[1] == suffix]
                for rule, _, a, b in mine:
                    if (group, rule, a) in seen:
                        continue
                    seen.add((group, rule, a))
                    cases.append(Case(rule, True, text, where, f"{m.group(1)} ({full}:{a})", group=group, lines=(a, b)))
                if not any(f[0] == audit for f in mine) and (group, audit, 0) not in seen:
                    seen.add((group, audit, 0))
                    cases.append(Case(audit, False, text, where, f"{m.group(1)} ({full})", group=group))
    return cases


def zizmor(root: Path):
    return _zizmor(root, "regular")


def zizmor_pedantic(root: Path):
    return _zizmor(root, "pedantic")


def zizmor_auditor(root: Path):
    return _zizmor(root, "auditor")


# ---- Spectral ----

_SHIM = r"""
const vm = require('vm');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = [];
for (const {file, src} of input) {
  const code = src.replace(/^import[\s\S]*?from\s*['"][^'"]+['"];?/gm, '')
    .replace(/new Document<[^>]*>\(/g, 'new Document(')
    .replace(/([\w\)\]])!(?=[.\),;\s\]])/g, '$1')
    .replace(/\)\s+as\s+(unknown|any)\b/g, ')');
  class Document { constructor(text, parser, source) { this.text = text; this.source = source; this.data = {}; } }
  const ctx = {
    testRule: (rule, tests) => { for (const t of tests) {
      const d = t.document;
      if (d instanceof Document) continue;
      out.push({file, rule, name: t.name, doc: d,
                errors: (t.errors || []).map(e => ({path: e.path || null, message: e.message || null}))});
    }},
    DiagnosticSeverity: {Error: 0, Warning: 1, Information: 2, Hint: 3},
    Document, Parsers: {Json: 'json', Yaml: 'yaml'}, path: {join: (...a) => a.join('/')}, __dirname: '.',
    require: (p) => ({}), expect: {any: () => ({}), objectContaining: (x) => x}, console,
  };
  try { vm.runInNewContext(code, ctx, {filename: file}); }
  catch (e) { process.stderr.write(file + ': ' + String(e).slice(0, 300) + '\n'); }
}
process.stdout.write(JSON.stringify(out));
"""


def _json_lines(doc):
    """Pretty JSON text and {path tuple: (first line, last line)} of every node (1-based)."""
    lines, spans = [], {}

    def emit(v, path, prefix, suffix, indent):
        first = len(lines) + 1
        pad = "  " * indent
        if isinstance(v, dict) and v:
            lines.append(pad + prefix + "{")
            items = list(v.items())
            for k, (key, val) in enumerate(items):
                emit(val, path + (str(key),), json.dumps(str(key)) + ": ", "," if k < len(items) - 1 else "", indent + 1)
            lines.append(pad + "}" + suffix)
        elif isinstance(v, list) and v:
            lines.append(pad + prefix + "[")
            for k, val in enumerate(v):
                emit(val, path + (str(k),), "", "," if k < len(v) - 1 else "", indent + 1)
            lines.append(pad + "]" + suffix)
        else:
            lines.append(pad + prefix + json.dumps(v) + suffix)
        spans[path] = (first, len(lines))

    emit(doc, (), "", "", 0)
    return "\n".join(lines) + "\n", spans


def _spectral(root: Path, folder: str, prefix: str):
    co = Checkout(root)
    files = [p for p in co.files(folder) if p.endswith(".test.ts")]
    payload = json.dumps([{"file": f, "src": co.read(f)} for f in files])
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as shim:
        shim.write(_SHIM)
    r = subprocess.run(["node", shim.name], input=payload, capture_output=True, text=True, check=True)
    Path(shim.name).unlink()
    cases = []
    for k, t in enumerate(json.loads(r.stdout)):
        if not isinstance(t["doc"], dict):
            continue
        text, spans = _json_lines(t["doc"])
        rule = t["rule"][len(prefix):] if t["rule"].startswith(prefix) else t["rule"]
        group = f"{t['file']}#{k}"
        name = f"{rule}: {t['name']}"
        if not t["errors"]:
            cases.append(Case(rule, False, text, "openapi.json", name, group=group))
        for e in t["errors"]:
            path = tuple(str(p) for p in (e["path"] or []))
            while path not in spans:
                path = path[:-1]
            cases.append(Case(rule, True, text, "openapi.json", f"{name} @ {'/'.join(path)}", group=group,
                              lines=spans[path]))
    return cases


def spectral_oas(root: Path):
    return _spectral(root, "packages/rulesets/src/oas/__tests__", "")


def spectral_owasp(root: Path):
    return _spectral(root, "__tests__", "owasp:")


PEERS = {"zizmor": zizmor, "zizmor-pedantic": zizmor_pedantic, "zizmor-auditor": zizmor_auditor,
         "spectral-oas": spectral_oas, "spectral-owasp": spectral_owasp}
MAPPING = {"zizmor-pedantic": "zizmor", "zizmor-auditor": "zizmor"}  # peers sharing one mapping file
