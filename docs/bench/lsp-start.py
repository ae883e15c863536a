#!/usr/bin/env python3
# Time from process start to the initialize response of an ArchLens server, over 5 starts.
# Usage (repository root): python3 docs/bench/lsp-start.py bin/archlens lsp
#                          python3 docs/bench/lsp-start.py java -jar server/target/archlens.jar lsp
import json, pathlib, subprocess, sys, time
EXAMPLES = pathlib.Path("examples").resolve().as_uri()
def msg(o):
    b=json.dumps(o).encode(); return b"Content-Length: %d\r\n\r\n"%len(b)+b
cmd=sys.argv[1:]
res=[]
for i in range(5):
    t0=time.time()
    p=subprocess.Popen(cmd,stdin=subprocess.PIPE,stdout=subprocess.PIPE,stderr=subprocess.DEVNULL)
    p.stdin.write(msg({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"rootUri":"" + EXAMPLES + "","workspaceFolders":[{"uri":"" + EXAMPLES + "","name":"ex"}]}})); p.stdin.flush()
    buf=b""
    while b'"id":1' not in buf:
        c=p.stdout.read1(65536)
        if not c: break
        buf+=c
    t1=time.time()
    p.stdin.write(msg({"jsonrpc":"2.0","id":2,"method":"shutdown","params":None})+msg({"jsonrpc":"2.0","method":"exit","params":None})); p.stdin.flush()
    p.wait(timeout=20)
    res.append((t1-t0)*1000)
res.sort(); print("initialize response: median %.0f ms, min %.0f, max %.0f"%(res[2],res[0],res[4]))
