"""Extract test cases from peers' checkouts, mechanically. Each extractor returns Case(rule, positive, text,
filename, name). Files are read from the checkout (git work tree, or a bare repository's HEAD via `git show`)."""
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Case:
    rule: str
    positive: bool
    text: str
    filename: str
    name: str
    group: str = None  # cases sharing one file (same group) are written once
    lines: tuple = None  # (first, last) 1-based lines of this case inside a shared file
    settings: str = None  # .archlens.yml for this case's folder (the peer's per-case configuration, said our way)


class Checkout:
    """A peer checkout: a work tree, or a bare git directory (read at HEAD)."""

    def __init__(self, root: Path):
        self.root = root
        self.bare = not (root / ".git").exists() and (root / "HEAD").exists() and (root / "objects").exists()

    def files(self, prefix):
        if self.bare:
            out = subprocess.run(["git", "--git-dir", str(self.root), "ls-tree", "-r", "--name-only", "HEAD", prefix],
                                 capture_output=True, text=True, check=True).stdout
            return [p for p in out.splitlines() if p]
        base = self.root / prefix
        return sorted(str(p.relative_to(self.root)) for p in base.rglob("*") if p.is_file()) if base.exists() else []

    def read(self, path):
        if self.bare:
            return subprocess.run(["git", "--git-dir", str(self.root), "show", f"HEAD:{path}"], capture_output=True,
                                  text=True, check=True).stdout
        return (self.root / path).read_text()

    def commit(self):
        args = ["git", "--git-dir", str(self.root)] if self.bare else ["git", "-C", str(self.root)]
        r = subprocess.run(args + ["rev-parse", "HEAD"], capture_output=True, text=True)
        return r.stdout.strip() or "unknown"


# ---- Haskell string literals (hadolint's specs) ----

_ESC = {"n": "\n", "t": "\t", "\\": "\\", "\"": "\"", "'": "'", "r": "\r", "0": "\0", "a": "\a", "b": "\b",
        "f": "\f", "v": "\v"}


def _hs_string(src, i):
    """Decodes the Haskell string literal starting at src[i] == '"'; returns (text, index after it)."""
    assert src[i] == '"'
    i += 1
    out = []
    while i < len(src):
        c = src[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\":
            n = src[i + 1]
            if n == "&":
                i += 2
            elif n.isspace():  # string gap: \   \
                j = src.index("\\", i + 1)
                i = j + 1
            elif n.isdigit():
                m = re.match(r"\d+", src[i + 1:])
                out.append(chr(int(m.group(0))))
                i += 1 + len(m.group(0))
            elif n == "x":
                m = re.match(r"[0-9a-fA-F]+", src[i + 2:])
                out.append(chr(int(m.group(0), 16)))
                i += 2 + len(m.group(0))
            else:
                out.append(_ESC.get(n, n))
                i += 2
            continue
        out.append(c)
        i += 1
    raise ValueError("unterminated string")


def _hs_value(src, i, env):
    """A string, a list of strings (joined as lines), `Text.unlines NAME`, or a bound NAME, at src[i:]."""
    while src[i] in " \t\n$(":
        i += 1
    if src[i] == '"':
        return _hs_string(src, i)[0]
    if src[i] == "[":
        items, j = [], i + 1
        while True:
            while src[j] in " \t\n,":
                j += 1
            if src[j] == "]":
                return "\n".join(items) + "\n"
            if src[j] != '"':
                raise ValueError("list of non-strings")
            s, j = _hs_string(src, j)
            items.append(s)
    m = re.match(r"(?:Text\.)?unlines\s+", src[i:])
    if m:
        return _hs_value(src, i + m.end(), env)
    m = re.match(r"[a-z]\w*", src[i:])
    if m and m.group(0) in env:
        return env[m.group(0)]
    raise ValueError("unsupported expression: " + src[i:i + 40])


_IT = re.compile(r"^\s*it\s+\"", re.M)
_LET = re.compile(r"\blet\s+([a-z]\w*)\s*=\s*")
_CALL = re.compile(r"\b(onBuildRuleCatches|onBuildRuleCatchesNot|ruleCatches|ruleCatchesNot)\s+\"(\w+)\"")


def _wrap_onbuild(text):
    return "\n".join("ONBUILD " + l if l.startswith("RUN ") else l for l in text.split("\n"))


def hadolint(root: Path):
    co = Checkout(root)
    cases = []
    for path in co.files("test/Hadolint/Rule"):
        if not path.endswith("Spec.hs"):
            continue
        src = co.read(path)
        starts = [m.start() for m in _IT.finditer(src)] + [len(src)]
        for a, b in zip(starts, starts[1:]):
            block = src[a:b]
            name = _hs_string(block, block.index('"'))[0]
            env = {}
            for m in _LET.finditer(block):
                try:
                    env[m.group(1)] = _hs_value(block, m.end(), env)
                except (ValueError, IndexError):
                    pass
            for m in _CALL.finditer(block):
                fn, rule = m.group(1), m.group(2)
                try:
                    text = _hs_value(block, m.end(), env)
                except (ValueError, IndexError):
                    continue
                if not re.search(r"^\s*FROM\b", text, re.M | re.I):
                    text = "FROM scratch\n" + text  # hadolint judges fragments; a user's Dockerfile has a FROM
                if fn.startswith("onBuild"):
                    text = _wrap_onbuild(text)
                cases.append(Case(rule, not fn.endswith("Not"), text if text.endswith("\n") else text + "\n",
                                  "Dockerfile", f"{Path(path).stem}: {name}" + (" (ONBUILD)" if fn.startswith("onBuild") else "")))
    return cases


# ---- Rust string literals (squawk's rule tests) ----

_RUST_STR = re.compile(r'r(#*)"(.*?)"\1|"((?:[^"\\]|\\.)*)"', re.S)


def _rust_unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "\n":  # line continuation: skip the break and the next line's indentation
                i += 2
                while i < len(s) and s[i] in " \t":
                    i += 1
                continue
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


_TEST_FN = re.compile(r"#\[test\]\s*fn\s+(\w+)\s*\(\)\s*\{")
_RULE_REF = re.compile(r"Rule::(\w+)")


def _kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def squawk(root: Path):
    co = Checkout(root)
    cases = []
    for path in co.files("crates/squawk_linter/src/rules"):
        if not path.endswith(".rs") or path.endswith("mod.rs"):
            continue
        src = co.read(path)
        t = src.find("mod test")
        if t < 0:
            continue
        body = src[t:]
        refs = _RULE_REF.findall(body)
        if not refs:
            continue
        rule = _kebab(max(set(refs), key=refs.count))
        # settings helpers of the test module (fn pg19() -> LinterSettings { pg_version: "19"... }), by name
        helpers = {h.group(1): h.group(2) for h in re.finditer(
            r'fn\s+(\w+)\s*\(\)\s*->\s*LinterSettings\s*\{[^}]*?pg_version:\s*"(\d+)', body)}
        starts = [m for m in _TEST_FN.finditer(body)]
        for k, m in enumerate(starts):
            block = body[m.end(): starts[k + 1].start() if k + 1 < len(starts) else len(body)]
            sm = re.search(r"let\s+sql\s*=\s*", block)
            if not sm:
                continue
            lit = _RUST_STR.match(block, sm.end())
            if not lit:
                continue
            sql = lit.group(2) if lit.group(2) is not None else _rust_unescape(lit.group(3))
            if "lint_errors" in block or ("fix_sql" in block and "lint_ok" not in block):
                positive = True
            elif "lint_ok" in block:
                positive = False
            else:
                continue
            version = re.search(r'pg_version:\s*"(\d+)', block)
            number = version.group(1) if version else next(
                (v for name, v in helpers.items() if re.search(r"\b" + name + r"\s*\(\)", block)), None)
            settings = (f"context:\n  database:\n    engine: postgres\n    version: {number}\n"
                        if number else None)
            if "squawk-disable-assume-in-transaction" in sql:
                # squawk's in-file marker for "this file runs outside a transaction", said the way ArchLens reads it
                sql = "-- executeInTransaction=false\n" + sql
            cases.append(Case(rule, positive, sql.strip("\n") + "\n", "db/migration/V1__case.sql",
                              f"{Path(path).stem}: {m.group(1)}", settings=settings))
    return cases


def gixy(root: Path):
    """gixy's plugin tests: tests/plugins/simply/<plugin>/*.conf fire, *_fp.conf must not."""
    co = Checkout(root)
    cases = []
    for path in co.files("tests/plugins/simply"):
        if not path.endswith(".conf"):
            continue
        plugin = Path(path).parent.name
        name = Path(path).stem
        # included in the http context, as a conf.d file is
        cases.append(Case(plugin, not name.endswith("_fp"), co.read(path), "nginx/conf.d/site.conf",
                          f"{plugin}: {name}"))
    return cases


def _bats_expectations(co):
    """From kube-linter's e2e bats tests: {check file: [expected report kinds, in report order]}."""
    out = {}
    src = co.read("e2etests/bats-tests.sh")
    for block in re.split(r"^@test ", src, flags=re.M)[1:]:
        m = re.search(r'tmp="(tests/checks/[^"]+)"', block)
        if not m or "--include" not in block:
            continue
        kinds = {}
        for k, k0, kind in re.findall(r'\$\{(?:message(\d+)|actual_messages\[(\d+)\])\}" (?:==|=~) "([A-Za-z]+)[: ]',
                                      block):
            kinds[int(k) if k else int(k0) + 1] = kind
        out[m.group(1)] = [kinds[k] for k in sorted(kinds)]
    return out


def kube_linter(root: Path):
    """kube-linter's tests/checks/<check>.yml, judged by its e2e expectations: the objects its bats test expects
    reports for (matched by kind) are positives; objects named dont-fire* are negatives. The file is checked whole
    (dangling-* checks need the other objects); a finding counts for the object whose document holds its line (or,
    when the test expects fewer reports of a kind than there are candidates, for any of the candidates)."""
    co = Checkout(root)
    expected = _bats_expectations(co)
    cases = []
    for path in co.files("tests/checks"):
        if not re.search(r"\.ya?ml$", path):
            continue
        check = re.sub(r"\.ya?ml$", "", Path(path).name)
        text = co.read(path)
        lines = text.split("\n")
        start = 0
        docs = []
        for i, l in enumerate(lines + ["---"]):
            if l.startswith("---"):
                if i > start:
                    docs.append((start, i - 1))
                start = i + 1
        want = list(expected.get(path, []))
        objs = []
        for a, b in docs:
            body = "\n".join(lines[a:b + 1]) + "\n"
            km = re.search(r"^kind:\s*(\w+)", body, re.M)
            nm = re.search(r"^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*['\"]?([\w.-]+)", body, re.M)
            if km:  # a test object may have no name (duplicate-env-var's)
                objs.append((a, b, km.group(1), nm.group(1) if nm else "(unnamed)"))
        for a, b, kind, name in objs:
            if name.startswith("dont-fire") or name.startswith("dontfire"):
                cases.append(Case(check, False, text, "k8s/" + Path(path).name, f"{check}: {kind}/{name}",
                                  group=path, lines=(a + 1, b + 1)))
        for kind in dict.fromkeys(want):
            # the e2e test gives the kinds of its reports, not which objects: with as many candidates (objects of
            # that kind not named dont-fire*) as reports each candidate is a positive; with more candidates than
            # reports, each report is a positive case caught by a finding in any of the candidates' documents
            k = want.count(kind)
            cand = [(a, b, n) for a, b, kd, n in objs if kd == kind and not n.startswith(("dont-fire", "dontfire"))]
            if not cand:
                continue
            if len(cand) <= k:
                for a, b, n in cand:
                    cases.append(Case(check, True, text, "k8s/" + Path(path).name, f"{check}: {kind}/{n}",
                                      group=path, lines=(a + 1, b + 1)))
            else:
                span = (cand[0][0] + 1, cand[-1][1] + 1)
                for j in range(k):
                    cases.append(Case(check, True, text, "k8s/" + Path(path).name,
                                      f"{check}: {kind} report {j + 1} of {k} among " + ", ".join(n for _, _, n in cand),
                                      group=path, lines=span))
    return cases


PEERS = {"hadolint": hadolint, "squawk": squawk, "gixy": gixy, "kube-linter": kube_linter}


def describe(peer, root):
    return f"{peer} at {Checkout(root).commit()}"
