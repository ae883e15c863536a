"""Semgrep's community rules (semgrep/semgrep-rules) as conformance cases, per language (`annotated` takes the
folder, the file extension and the line-comment token: `//` for Java, `#` for Python). Each rule has a test file
next to its YAML whose lines are annotated `// ruleid: <id>` (the next code line must match) or `// ok: <id>` (it
must not); `todoruleid`/`todook` mark known gaps of Semgrep's own and are left out. Every annotated line is one
case, judged on the lines from there to the next annotation or blank line (at most 4: Semgrep's match starts at
a method's annotations or a statement's first line, ours may sit on the name or the argument); the test file is
checked whole (one group per file)."""
import re
from pathlib import Path

from extractors import Case, Checkout



def _annotation(comment):
    return re.compile(r"^\s*" + re.escape(comment) + r"\s*(ruleid|ok)\s*:\s*([\w.,\s-]+?)\s*$")


_ANNOTATION = _annotation("//")


def _last_line(lines, target, annotation=_ANNOTATION):
    """The end of a case's window: up to 3 lines after the target, stopping before a blank or annotation line."""
    last = target
    while last < min(len(lines), target + 3):
        s = lines[last].strip()  # the line after `last` (0-based index last)
        if not s or annotation.match(lines[last]):
            break
        last += 1
    return last


def _target_line(lines, i, comment="//"):
    """1-based number of the first line after index i that is code (not blank, not a comment)."""
    j = i + 1
    while j < len(lines):
        s = lines[j].strip()
        if s and not s.startswith(comment):
            return j + 1
        j += 1
    return None


def annotated(root: Path, folder, ext, comment):
    """The `ruleid:`/`ok:` cases of the test files with extension `ext` under `folder`, annotated with `comment`."""
    co = Checkout(root)
    annotation = _annotation(comment)
    cases = []
    for path in co.files(folder):
        if not path.endswith(ext) or path.endswith(".fixed" + ext):
            continue
        text = co.read(path)
        lines = text.splitlines()
        stem = Path(path).name[:-len(ext)]
        for i, line in enumerate(lines):
            m = annotation.match(line)
            if not m:
                continue
            target = _target_line(lines, i, comment)
            if target is None:
                continue
            for rule in (r.strip() for r in m.group(2).split(",")):
                if rule:
                    cases.append(Case(rule=rule, positive=m.group(1) == "ruleid", text=text,
                                      filename=f"{stem}{ext}", name=f"{path}:{target}", group=path,
                                      lines=(target, _last_line(lines, target, annotation))))
    return cases


def semgrep_java(root: Path):
    return annotated(root, "java/", ".java", "//")
