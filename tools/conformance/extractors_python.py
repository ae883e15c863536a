"""Python peers as conformance cases.

bandit (PyCQA/bandit): its functional tests (tests/functional/test_functional.py) run bandit on one file of
examples/ at a time and compare the number of issues per severity and confidence with an expected dict; they name
no test id and no line. So the comparison is per file: each example file checked by `check_example` is one case,
named after the file (`requests-missing-timeout`); positive when the test expects at least one issue (the sum of
its SEVERITY counts), negative when it expects none. The mapping (bandit.tsv) says which ArchLens rules answer each
example; a positive case is caught when one of them fires anywhere in the file, a negative one is a false alarm when
one fires. When a test checks the same file under several configurations, the first expectation counts.

semgrep-python: semgrep-rules' python/**/*.py test files with `# ruleid:` / `# ok:` annotations, per line (the
scheme of extractors_semgrep).
"""
import re
from pathlib import Path

from extractors import Case, Checkout
from extractors_semgrep import annotated

_TEST = re.compile(r"def (test_\w+)\(self\):(.*?)(?=\n    def |\Z)", re.S)
_EXAMPLE = re.compile(r'check_example\(\s*"([^"]+)"')
_SEVERITY = re.compile(r'"SEVERITY":\s*\{([^}]*)\}')


def bandit(root: Path):
    co = Checkout(root)
    src = co.read("tests/functional/test_functional.py")
    cases, seen = [], set()
    for m in _TEST.finditer(src):
        body = m.group(2)
        examples = _EXAMPLE.findall(body)
        totals = [sum(int(x) for x in re.findall(r":\s*(\d+)", s)) for s in _SEVERITY.findall(body)]
        for k, example in enumerate(examples):
            if example in seen or not totals:
                continue
            seen.add(example)
            expected = totals[min(k, len(totals) - 1)]
            name = Path(example).name
            try:
                text = co.read("examples/" + example)
            except UnicodeDecodeError:
                continue  # trojansource_latin1.py: not UTF-8, which the harness writes
            cases.append(Case(rule=name[:-len(".py")], positive=expected > 0, text=text,
                              filename=name, name=f"examples/{example} ({expected} expected)"))
    return cases


def semgrep_python(root: Path):
    return annotated(root, "python/", ".py", "#")


PEERS = {"bandit": bandit, "semgrep-python": semgrep_python}
