"""Semgrep's community rules (semgrep/semgrep-rules) as conformance cases, per language (`semgrep_lang`: Java, Go,
JavaScript and TypeScript with `//` comments, Python with `#`). Each rule has a test file next to its YAML whose
lines are annotated `// ruleid: <id>` (the next code line must match) or `// ok: <id>` (it must not);
`todoruleid`/`todook` mark known gaps of Semgrep's own and are left out. Every annotated line is one case, judged
on the lines from there to the next annotation or blank line (at most 4: Semgrep's match starts at a method's
annotations or a statement's first line, ours may sit on the name or the argument; a line that only opens an
object or composite literal, `{`, `key: {`, `x = {`, `c := &http.Cookie{`, is judged on the whole literal, which is
Semgrep's match); the test file is checked whole
(one group per file) and keeps its own name, so the kind is detected as for a user's file. In Java, when the
annotated line opens a method or class (its annotations, or its signature), Semgrep's match is that whole
declaration, so the case's window is the declaration up to its closing brace."""
import re
from pathlib import Path

from extractors import Case, Checkout


def _annotation(comment):
    return re.compile(r"^\s*" + re.escape(comment) + r"\s*(ruleid|ok)\s*:\s*([\w.,\s-]+?)\s*$")


_ANNOTATION = _annotation("//")
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


_OBJECT = re.compile(r"^\s*(?:[\w$\"']+\s*:\s*|(?:(?:const|let|var)\s+)?[\w$.\[\]]+\s*:?=\s*&?[\w.]*)?\{\s*$")


def _last_line(lines, target, annotation=_ANNOTATION, declarations=False):
    """The end of a case's window: (Java) a declaration's closing brace; a line that only opens an object
    (`{`, `key: {`, `x = {`, `c := &T{`: Semgrep's match is that whole literal) its closing brace; else up to 3 lines after the
    target, stopping before a blank or annotation line."""
    if declarations and _DECLARATION.match(lines[target - 1]) or _OBJECT.match(lines[target - 1]):
        end = _declaration_end(lines, target)
        if end is not None:
            return end
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


def semgrep_lang(root: Path, folders, extensions, comment="//"):
    """Cases from the annotated test files under `folders` (a folder or a list) whose name ends with one of
    `extensions` (one or a list); autofix outputs (`*.fixed.*`) are left out."""
    folders = [folders] if isinstance(folders, str) else folders
    extensions = [extensions] if isinstance(extensions, str) else extensions
    co = Checkout(root)
    annotation = _annotation(comment)
    cases = []
    for path in (p for f in folders for p in co.files(f)):
        ext = next((e for e in extensions if path.endswith(e)), None)
        if ext is None or ".fixed." in Path(path).name:
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
                                      lines=(target, _last_line(lines, target, annotation, ext == ".java"))))
    return cases


def semgrep_java(root: Path):
    return semgrep_lang(root, "java/", ".java")


def semgrep_js(root: Path):
    return semgrep_lang(root, ["javascript/", "typescript/"], [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx"])


def annotated(root: Path, folders, extensions, comment="//"):
    """The same as `semgrep_lang` (the name the Python extractor uses)."""
    return semgrep_lang(root, folders, extensions, comment)
