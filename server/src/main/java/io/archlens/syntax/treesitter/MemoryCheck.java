package io.archlens.syntax.treesitter;

import io.archlens.core.Log;
import java.util.Arrays;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Decides once per grammar whether {@link CursorMemory} may be used: it must copy a sample of the language (aliases,
 * comments, non-ASCII text, a syntax error) into exactly the tree the binding's own calls give.
 */
final class MemoryCheck {
    private MemoryCheck() {
    }

    static boolean usable(Grammar.Loaded g, TSParser parser) {
        if (!CursorMemory.AVAILABLE) {
            return false;
        }
        Boolean ok = g.memory;
        if (ok == null) {
            synchronized (g) {
                ok = g.memory;
                if (ok == null) {
                    ok = same(g, parser, sample(g.grammar));
                    if (!ok) {
                        Log.warn(g.grammar.displayName() + ": reading the tree-sitter tree from memory gave another tree "
                                + "than the binding on a sample; copying through the binding (slower)");
                    }
                    g.memory = ok;
                }
            }
        }
        return ok;
    }

    /** Whether both ways of copying give the same tree of {@code text}. */
    static boolean same(Grammar.Loaded g, TSParser parser, String text) {
        try (TSTree tree = parser.parseString(null, text)) {
            int[] toUtf16 = Utf8Offsets.map(text);
            SyntaxTree slow = TreeCopy.copy(g, tree, text, toUtf16, null, false);
            SyntaxTree fast = TreeCopy.copy(g, tree, text, toUtf16, null, true);
            int n = slow.count;
            return n == fast.count && n > 1
                    && Arrays.equals(slow.type, 0, n, fast.type, 0, n) && Arrays.equals(slow.field, 0, n, fast.field, 0, n)
                    && Arrays.equals(slow.start, 0, n, fast.start, 0, n) && Arrays.equals(slow.end, 0, n, fast.end, 0, n)
                    && Arrays.equals(slow.parent, 0, n, fast.parent, 0, n)
                    && Arrays.equals(slow.firstChild, 0, n, fast.firstChild, 0, n)
                    && Arrays.equals(slow.nextSibling, 0, n, fast.nextSibling, 0, n)
                    && Arrays.equals(slow.flags, 0, n, fast.flags, 0, n) && slow.hasErrors() == fast.hasErrors();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String sample(Grammar grammar) {
        switch (grammar) {
            case PYTHON:
                return """
                        import os, requests as rq  # comment
                        from a.b import (c as d, e)
                        @app.route("/x/<id>", methods=["GET"])
                        async def f(x: int = 1, *args, **kw) -> dict[str, "Ü"]:
                            \"\"\"Doc ü.\"\"\"
                            y = [i for i in range(3) if i] or {k: v for k, v in kw.items()}
                            match x:
                                case {"a": 1, **rest} | [1, *_]: pass
                            print(f"{x!r:>{y}} é", r'\\d', b"b")
                            return await rq.get(url, timeout=(3, 10)) if x else lambda z: z @ x
                        class C(B, metaclass=M):
                            def g(self): global q; del self.x[1:2]; raise E from None
                        def broken(:
                            pass
                        """;
            case GO:
                return """
                        package main // comment
                        import (
                            "fmt"
                            h "net/http"
                        )
                        type S struct { A int `json:"a"`; b []map[string]*T }
                        func (s *S) M(ctx context.Context, xs ...int) (int, error) {
                            for i, x := range xs { if x > 0 { s.A += i }; }
                            switch v := any(s).(type) { case *S: _ = v; default: }
                            go func() { ch <- struct{}{} }()
                            f := func[T any](t T) T { return t }
                            label: fmt.Println("é", 'ü', `raw`, 1.5e3, s.b[0]["k"])
                            return h.StatusOK, nil
                        }
                        func broken( {
                        """;
            default:
                return """
                        import express, { Request as Req } from 'express'; // comment
                        /* block é */
                        export class A<T> extends B implements I { private x: number = 1; static async *m(a?: T): Promise<void> {} }
                        const f = async ({ a, b: [c, ...d] }: any = {}) => a?.b ?? `t ${c} ü` + /re[a-z]+/gi.source;
                        interface I { k: string; [key: string]: unknown }
                        type U = keyof typeof x | { readonly [P in K]?: P } & string[];
                        label: for (const [k, v] of Object.entries(o)) { if (k) continue label; else break; }
                        let el = <div className="x">{f()}</div>;
                        enum E { A = 1, B }
                        function broken( {
                        """;
        }
    }
}
