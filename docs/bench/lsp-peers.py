#!/usr/bin/env python3
"""ArchLens and the Dockerfile language server side by side, in one run, over the same Dockerfiles.

Usage (repository root, after `mvn -B package -DskipTests`):
    python3 docs/bench/lsp-peers.py [--peer-version 0.15.0] [--rounds 3] [DOCKERFILE_FOLDER ...]

Installs dockerfile-language-server-nodejs from the npm registry into a scratch folder (nothing is written into
this repository), then for each server and round: starts it over stdio, times process start -> initialize
response, opens every Dockerfile and times didOpen -> the first publishDiagnostics of that document, then makes
one single-line edit per document and times didChange -> publishDiagnostics of the new version; at the end it
reads the server's peak resident memory (VmHWM of the process, i.e. of java or node). The Dockerfiles are the
folders given, else the project's own (examples/ and the test fixtures) plus generated ones of 20-400 lines.
ArchLens is started with `bin/archlens lsp`, i.e. with the launcher's JVM options; ARCHLENS_JAVA_OPTS adds more.
"""
import argparse, json, os, pathlib, statistics, subprocess, sys, tempfile, threading, time

def frame(o):
    b = json.dumps(o).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

class Server:
    def __init__(self, cmd, root):
        self.t0 = time.perf_counter()
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.cond = threading.Condition()
        self.responses, self.published = {}, {}
        threading.Thread(target=self.read, daemon=True).start()
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": os.getpid(), "rootUri": root, "workspaceFolders": [{"uri": root, "name": "w"}],
            "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}}})
        self.wait(lambda: 1 in self.responses)
        self.start_ms = (time.perf_counter() - self.t0) * 1000
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def send(self, o):
        self.p.stdin.write(frame(o))
        self.p.stdin.flush()

    def read(self):
        out = self.p.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    return
                header += c
            n = int([h for h in header.split(b"\r\n") if h.lower().startswith(b"content-length")][0].split(b":")[1])
            m = json.loads(out.read(n))
            with self.cond:
                if "id" in m and "method" not in m:
                    self.responses[m["id"]] = m
                elif m.get("method") == "textDocument/publishDiagnostics":
                    prm = m["params"]
                    self.published.setdefault(prm["uri"], []).append((time.perf_counter(), prm.get("version")))
                elif "id" in m:  # a request from the server (configuration, registerCapability...): answer null
                    self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
                self.cond.notify_all()

    def wait(self, pred, timeout=30):
        with self.cond:
            if not self.cond.wait_for(pred, timeout):
                raise TimeoutError("server did not answer in %d s" % timeout)

    def publish_after(self, uri, t, version=None):
        """Time of the first publish for uri after t (of that version, when the server reports versions)."""
        def found():
            for when, v in self.published.get(uri, []):
                if when >= t and (version is None or v is None or v >= version):
                    return when
            return None
        self.wait(lambda: found() is not None)
        return found()

    def peak_mb(self):
        for line in open("/proc/%d/status" % self.p.pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        try:
            self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown", "params": None})
            self.wait(lambda: 99 in self.responses, 10)
            self.send({"jsonrpc": "2.0", "method": "exit", "params": None})
            self.p.wait(10)
        except Exception:
            self.p.kill()

def generated(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = ["FROM node:20.11-bookworm-slim AS build", "WORKDIR /app", "COPY package*.json ./", "RUN npm ci"]
        for k in range(5 + (i * 37) % 395):
            lines.append("RUN echo step %d && apt-get update && apt-get install -y curl" % k if k % 3 == 0
                         else "ENV VAR_%d=value%d" % (k, k) if k % 3 == 1 else "# comment %d" % k)
        lines += ["FROM node:20.11-bookworm-slim", "COPY --from=build /app /app", "USER node",
                  'CMD ["node", "server.js"]']
        (folder / ("gen%03d.Dockerfile" % i)).write_text("\n".join(lines) + "\n")

def run(cmd, files, ws):
    s = Server(cmd, ws.as_uri())
    time.sleep(1.0)  # let the workspace index (ArchLens) settle before timing documents
    opens, changes = [], []
    for f in files:
        uri = f.as_uri()
        text = f.read_text(errors="replace")
        t = time.perf_counter()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "dockerfile", "version": 1, "text": text}}})
        opens.append((s.publish_after(uri, t) - t) * 1000)
    for f in files:
        uri = f.as_uri()
        t = time.perf_counter()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
                                "text": "# edited\n"}]}})
        changes.append((s.publish_after(uri, t, 2) - t) * 1000)
    peak = s.peak_mb()
    s.stop()
    return s.start_ms, opens, changes, peak

def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--peer-version", default="0.15.0")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="archlens-peers-"))
    print("installing dockerfile-language-server-nodejs@%s into %s" % (a.peer_version, scratch), file=sys.stderr)
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(scratch),
                    "dockerfile-language-server-nodejs@" + a.peer_version], check=True)
    peer = scratch / "node_modules" / "dockerfile-language-server-nodejs" / "bin" / "docker-langserver"
    ws = scratch / "ws"
    files = []
    sources = [pathlib.Path(f) for f in a.folders] or [pathlib.Path("examples"),
                                                         pathlib.Path("server/src/test/resources/fixtures/dockerfile")]
    for src in sources:
        for f in sorted(src.rglob("*")):
            if f.is_file() and (f.name == "Dockerfile" or f.name.endswith((".Dockerfile", ".dockerfile"))
                                or f.name.startswith("Dockerfile.")):
                dst = ws / "project" / str(len(files)) / "Dockerfile"
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_bytes(f.read_bytes())
                files.append(dst)
    if not a.folders:
        generated(ws / "generated", 40)
        files += sorted((ws / "generated").glob("*.Dockerfile"))
    servers = {"archlens (bin/archlens lsp)": ["bin/archlens", "lsp"],
               "dockerfile-language-server " + a.peer_version: ["node", str(peer), "--stdio"]}
    print("%d Dockerfiles, %d rounds" % (len(files), a.rounds))
    print("| server | round | start to initialize | open->diagnostics p50 / p95 | change p50 / p95 | peak RSS |")
    print("|---|---|---|---|---|---|")
    for r in range(1, a.rounds + 1):
        for name, cmd in servers.items():  # alternate, so both see the same machine load
            start, opens, changes, peak = run(cmd, files, ws)
            print("| %s | %d | %.0f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.0f MB |" % (
                name, r, start, statistics.median(opens), pct(opens, 95), statistics.median(changes),
                pct(changes, 95), peak))
            sys.stdout.flush()

if __name__ == "__main__":
    main()
