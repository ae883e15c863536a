#!/usr/bin/env python3
# Start-up of ArchLens servers compared in alternation, so drift of the machine's load hits every one alike: for
# each start, the time from process start to the initialize response, and to the first diagnostics of a
# Dockerfile opened right after `initialized` (the rule book finishes loading behind the initialize answer).
# Usage (repository root; each launcher is a bin/archlens of some checkout, run with `lsp`):
#   python3 docs/bench/lsp-start-ab.py [--starts N] bin/archlens [/tmp/base/bin/archlens ...]
# Run `bin/archlens check examples` once per checkout first: it writes the class-data archives.
import json, pathlib, statistics, subprocess, sys, time

args = sys.argv[1:]
starts = 15
if args[:1] == ["--starts"]:
    starts, args = int(args[1]), args[2:]
launchers = args or ["bin/archlens"]
ws = pathlib.Path("examples").resolve()
dockerfile = next(ws.rglob("Dockerfile"))
uri, text = dockerfile.as_uri(), dockerfile.read_text()


def frame(o):
    b = json.dumps(o).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


def read_until(p, buf, done):
    while not done(buf):
        chunk = p.stdout.read1(65536)
        if not chunk:
            break
        buf += chunk
    return buf


def one(launcher):
    t0 = time.time()
    p = subprocess.Popen([launcher, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "capabilities": {}, "rootUri": ws.as_uri(), "workspaceFolders": [{"uri": ws.as_uri(), "name": "ws"}]}}))
    p.stdin.flush()
    buf = read_until(p, b"", lambda b: b'"id":1' in b)
    t1 = time.time()
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "dockerfile", "version": 1, "text": text}}}))
    p.stdin.flush()
    read_until(p, buf, lambda b: b"publishDiagnostics" in b and uri.encode() in b[b.find(b"publishDiagnostics"):])
    t2 = time.time()
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None}))
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "exit", "params": None}))
    p.stdin.flush()
    p.wait(timeout=20)
    return (t1 - t0) * 1000, (t2 - t0) * 1000


results = {l: ([], []) for l in launchers}
for _ in range(starts):
    for l in launchers:
        a, b = one(l)
        results[l][0].append(a)
        results[l][1].append(b)
for l, (init, first) in results.items():
    print("%s: initialize median %.0f ms (min %.0f, max %.0f); first diagnostics median %.0f ms (min %.0f, max %.0f);"
          " %d starts" % (l, statistics.median(init), min(init), max(init), statistics.median(first), min(first),
                          max(first), starts))
