"""eslint-plugin-security (eslint-community/eslint-plugin-security) as conformance cases. Its tests are
`RuleTester.run(name, rule, {valid, invalid})` calls in `test/rules/*.js`; node evaluates each test file with a stub
RuleTester that records the arrays (the rule modules and eslint itself are stubbed, nothing of the peer runs).
Each `invalid` entry is a positive case and each `valid` entry a negative case, judged on the whole snippet, written
as `snippet.js` (a snippet whose languageOptions name a TypeScript parser as `snippet.ts`). Snippets are often a
single expression without imports; that is how the peer tests them and how they are measured."""
import json
import subprocess
import tempfile
from pathlib import Path

from extractors import Case, Checkout

_STUB = r"""
const Module = require('module');
const path = require('path');
const fs = require('fs');
const out = [];
const orig = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'eslint') {
    return { RuleTester: class { run(name, rule, tests) { out.push({ name, tests }); } } };
  }
  if (parent && parent.filename && parent.filename.startsWith(path.join(process.env.CASES_DIR, 'test'))) {
    return new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : t) });
  }
  return orig.apply(this, arguments);
};
for (const f of process.argv.slice(2)) {
  try { require(f); } catch (e) { process.stderr.write(f + ': ' + e.message + '\n'); }
}
process.stdout.write(JSON.stringify(out.map(r => ({
  name: r.name,
  valid: (r.tests.valid || []).map(v => typeof v === 'string' ? { code: v } : { code: v.code, ts: !!(v.languageOptions && v.languageOptions.parser) }),
  invalid: (r.tests.invalid || []).map(v => typeof v === 'string' ? { code: v } : { code: v.code, ts: !!(v.languageOptions && v.languageOptions.parser) }),
}))));
"""


def eslint_security(root: Path):
    co = Checkout(root)
    cases = []
    with tempfile.TemporaryDirectory(prefix="eslint-sec-") as tmp:
        files = []
        for p in co.files("test/rules/"):
            if p.endswith(".js"):
                dest = Path(tmp) / "test" / "rules" / Path(p).name
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(co.read(p))
                files.append(str(dest))
        stub = Path(tmp) / "stub.js"
        stub.write_text(_STUB)
        res = subprocess.run(["node", str(stub), *files], capture_output=True, text=True,
                             env={"CASES_DIR": tmp, "PATH": "/usr/bin:/bin:/usr/local/bin"})
        data = json.loads(res.stdout or "[]")
    for r in data:
        for positive, key in ((True, "invalid"), (False, "valid")):
            for i, t in enumerate(r[key]):
                if not isinstance(t.get("code"), str):
                    continue
                cases.append(Case(rule=r["name"].split(" ")[0], positive=positive, text=t["code"],
                                  filename="snippet.ts" if t.get("ts") else "snippet.js",
                                  name=f"test/rules/{r['name']}.js {key}[{i}]"))
    return cases


PEERS = {"eslint-security": eslint_security}
