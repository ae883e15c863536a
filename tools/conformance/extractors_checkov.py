"""checkov's Terraform resource-check tests, extracted mechanically (see conformance.py).

Two test styles live under tests/terraform/checks/resource/<provider>/:
  - test_<Check>.py running the runner on example_<Check>/ with `passing_resources = {...}` and
    `failing_resources = {...}` sets of "type.name" addresses: one case per listed resource, with the resource's
    line range inside its example file (each file of an example is judged alone: the harness writes one file
    per case folder);
  - test_<Check>.py calling `hcl2.loads(\"\"\" ... \"\"\")` and asserting CheckResult.FAILED / PASSED: one case per
    test method.
The rule of a case is the check's id (CKV_AWS_16), read from the check's source file the test imports.
"""
import re
from pathlib import Path

from extractors import Case, Checkout

_IMPORT = re.compile(r"from checkov\.terraform\.checks\.resource\.([\w.]+) import check")
_ID = re.compile(r"""\b(?:check_)?id\s*=\s*["'](CKV2?_[A-Z0-9]+_\d+)["']""")
_SET = re.compile(r"(passing|failing)_resources\s*=\s*(?:set\()?[{\[](.*?)[}\]]", re.S)
_ADDR = re.compile(r"""["']([\w-]+\.[\w-]+)["']""")
_DIR = re.compile(r"""["'/](example_[\w-]+)["']""")
_METHOD = re.compile(r"\n    def (test\w*)\(")
_LOADS = re.compile(r'hcl2\.loads\(\s*(?:r|f)?"""(.*?)"""', re.S)
_RESOURCE = re.compile(r'^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"', re.M)


def _check_id(co, test_text, cache):
    m = _IMPORT.search(test_text)
    if not m:
        return None
    path = "checkov/terraform/checks/resource/" + m.group(1).replace(".", "/") + ".py"
    if path not in cache:
        try:
            idm = _ID.search(co.read(path))
        except Exception:  # noqa: BLE001 - a check moved or renamed: no case
            idm = None
        cache[path] = idm.group(1) if idm else None
    return cache[path]


def _blocks(text):
    """{"type.name": (first line, last line)} of the resources in a Terraform file (1-based)."""
    out = {}
    for m in _RESOURCE.finditer(text):
        start = m.start()
        depth, i, seen = 0, text.index("{", m.end()) if "{" in text[m.end():] else len(text), False
        while i < len(text):
            c = text[i]
            if c == "{":
                depth += 1
                seen = True
            elif c == "}":
                depth -= 1
                if seen and depth == 0:
                    break
            i += 1
        first = text.count("\n", 0, start + len(m.group(0)) - len(m.group(0).lstrip())) + 1
        out[f"{m.group(1)}.{m.group(2)}"] = (first, text.count("\n", 0, i) + 1)
    return out


def _example_cases(co, base, test_path, text, rule):
    dm = _DIR.search(text)
    sets = {kind: set(_ADDR.findall(body)) for kind, body in _SET.findall(text)}
    if not dm or not sets:
        return []
    folder = f"{base}/{dm.group(1)}"
    cases = []
    for path in co.files(folder):
        if not path.endswith(".tf"):
            continue
        src = co.read(path)
        rel = path[len(folder) + 1:]
        for addr, lines in _blocks(src).items():
            for kind, positive in (("failing", True), ("passing", False)):
                if addr in sets.get(kind, ()):
                    cases.append(Case(rule, positive, src, "tf/" + rel, f"{rule}: {Path(test_path).stem} {addr}",
                                      group=path, lines=lines))
    return cases


def _inline_cases(text, rule, test_path):
    cases = []
    methods = list(_METHOD.finditer(text))
    for k, m in enumerate(methods):
        body = text[m.end(): methods[k + 1].start() if k + 1 < len(methods) else len(text)]
        lm = _LOADS.search(body)
        if not lm:
            continue
        if "CheckResult.FAILED" in body:
            positive = True
        elif "CheckResult.PASSED" in body:
            positive = False
        else:
            continue
        src = "\n".join(line[16:] if line.startswith(" " * 16) else line.lstrip() for line in lm.group(1).split("\n"))
        cases.append(Case(rule, positive, src, "tf/main.tf", f"{rule}: {Path(test_path).stem}.{m.group(1)}"))
    return cases


def checkov(root: Path):
    co = Checkout(root)
    ids = {}
    cases = []
    for path in co.files("tests/terraform/checks/resource"):
        name = Path(path).name
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        text = co.read(path)
        rule = _check_id(co, text, ids)
        if rule is None:
            continue
        base = str(Path(path).parent)
        found = _example_cases(co, base, path, text, rule)
        cases.extend(found if found else _inline_cases(text, rule, path))
    return cases
