"""Semgrep's community rules (semgrep/semgrep-rules) as conformance cases, Java for now. Each rule has a test file
next to its YAML whose lines are annotated `// ruleid: <id>` (the next code line must match) or `// ok: <id>` (it
must not); `todoruleid`/`todook` mark known gaps of Semgrep's own and are left out. Every annotated line is one
case, judged on the lines from there to the next annotation or blank line (at most 4: Semgrep's match starts at
a method's annotations or a statement's first line, ours may sit on the name or the argument). When the annotated
line opens a method or class (its annotations, or its signature), Semgrep's match is that whole declaration, so the
case's window is the declaration up to its closing brace. The test file is checked whole (one group per file)."""
import re
from pathlib import Path

from extractors import Case, Checkout

_ANNOTATION = re.compile(r"^\s*//\s*(ruleid|ok)\s*:\s*([\w.,\s-]+?)\s*$")


_DECLARATION = re.compile(r"^\s*(@\w+|((public|protected|private|static|final|abstract|synchronized)\s+)+"
                          r"[\w<>\[\], ?.]*\s*\w+\s*\(|(public\s+|abstract\s+|final\s+)*class\s+\w+)")


def _declaration_end(lines, target):
    """The 1-based line of the brace closing the declaration that starts at line `target`, or None."""
    depth, opened = 0, False
    for i in range(target - 1, len(lines)):
        code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[i].split("//")[0])
        if not opened and code.rstrip().endswith(";"):
            return None  # a field or a statement, not a declaration with a body
        for ch in code:
            if ch == "{":
                depth, opened = depth + 1, True
            elif ch == "}":
                depth -= 1
                if opened and depth == 0:
                    return i + 1
    return None


def _last_line(lines, target):
    """The end of a case's window: a declaration's closing brace, else up to 3 lines after the target, stopping
    before a blank or annotation line."""
    if _DECLARATION.match(lines[target - 1]):
        end = _declaration_end(lines, target)
        if end is not None:
            return end
    last = target
    while last < min(len(lines), target + 3):
        s = lines[last].strip()  # the line after `last` (0-based index last)
        if not s or _ANNOTATION.match(lines[last]):
            break
        last += 1
    return last


def _target_line(lines, i):
    """1-based number of the first line after index i that is code (not blank, not a comment)."""
    j = i + 1
    while j < len(lines):
        s = lines[j].strip()
        if s and not s.startswith("//"):
            return j + 1
        j += 1
    return None


def semgrep_java(root: Path):
    co = Checkout(root)
    cases = []
    for path in co.files("java/"):
        if not path.endswith(".java") or path.endswith(".fixed.java"):
            continue
        text = co.read(path)
        lines = text.splitlines()
        stem = Path(path).name[:-len(".java")]
        for i, line in enumerate(lines):
            m = _ANNOTATION.match(line)
            if not m:
                continue
            target = _target_line(lines, i)
            if target is None:
                continue
            for rule in (r.strip() for r in m.group(2).split(",")):
                if rule:
                    cases.append(Case(rule=rule, positive=m.group(1) == "ruleid", text=text,
                                      filename=f"{stem}.java", name=f"{path}:{target}", group=path,
                                      lines=(target, _last_line(lines, target))))
    return cases
