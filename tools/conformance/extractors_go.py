"""Go peers as conformance cases: gosec (securego/gosec) and Semgrep's Go rules (semgrep/semgrep-rules go/).

gosec keeps its test inputs in testutils/g*_samples.go: `var SampleCodeG201 = []CodeSample{{[]string{`...`}, 1,
gosec.NewConfig()}, ...}`, Go source in raw strings (struct tags spliced in with "`" pieces) and the number of
issues the rule must report. Each sample is one case, judged on its whole folder: positive when gosec expects at
least one issue, negative when it expects none. Samples run with a non-default configuration, the few that
are packages of several files, and those testing gosec's suppression comments (#nosec) are left out.
Semgrep's Go test files go through the language-neutral `semgrep_lang` (`// ruleid:` / `// ok:` annotations)."""
import re
from pathlib import Path

from extractors import Case, Checkout
from extractors_semgrep import semgrep_lang

_VAR = re.compile(r"\b(SampleCode(G\d{3})\w*)\s*=\s*\[\]CodeSample\{")
_STRING = r'(?:`[^`]*`|"(?:[^"\\\n]|\\.)*")'
_SAMPLE = re.compile(r"\{\s*\[\]string\{\s*((?:" + _STRING + r"(?:\s*\+\s*" + _STRING + r")*\s*,?\s*)+)\}\s*,\s*(\d+)\s*,"
                     r"\s*gosec\.NewConfig\(\)\s*\}")
_PIECE = re.compile(_STRING)


def _go_string(piece):
    if piece.startswith("`"):
        return piece[1:-1]
    return bytes(piece[1:-1], "utf-8").decode("unicode_escape")


def _files(blob):
    """The source files of one sample: comma-separated expressions of concatenated string pieces."""
    files, cur = [], []
    i = 0
    while i < len(blob):
        m = _PIECE.match(blob, i)
        if m:
            cur.append(_go_string(m.group(0)))
            i = m.end()
            continue
        if blob[i] == ",":
            files.append("".join(cur))
            cur = []
        i += 1
    if cur:
        files.append("".join(cur))
    return [f for f in files if f.strip()]


def gosec(root: Path):
    co = Checkout(root)
    cases = []
    for path in co.files("testutils/"):
        name = Path(path).name
        if not re.fullmatch(r"g\d{3}_samples\.go", name):
            continue
        text = co.read(path)
        starts = [(m.start(), m.end(), m.group(2)) for m in _VAR.finditer(text)]
        for k, (_, body_start, rule) in enumerate(starts):
            body_end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
            for n, m in enumerate(_SAMPLE.finditer(text, body_start, body_end)):
                files = _files(m.group(1))
                if len(files) != 1:
                    continue  # the few multi-file packages: the harness writes one file per case
                if "#nosec" in files[0] or "gosec:disable" in files[0]:
                    continue  # tests of gosec's own suppression comments, not of the rule
                cases.append(Case(rule=rule, positive=int(m.group(2)) > 0, text=files[0], filename="main.go",
                                  name=f"{path}#{rule}[{n}]"))
    return cases


def semgrep_go(root: Path):
    return semgrep_lang(root, "go/", ".go", "//")


PEERS = {"gosec": gosec, "semgrep-go": semgrep_go}
