package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.python.PyStrings;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pickle (and its kin: cPickle, dill, marshal, jsonpickle, shelve) reading bytes that, judged by their names, come
 * from a request, a socket or a message: {@code pickle.loads(request.data)}. A warning: where the bytes come from is
 * a guess from the names, and the message says so.
 */
final class UnsafeDeserialization extends PythonRule {
    private static final Set<String> LOADERS = Set.of("pickle.loads", "pickle.load", "cPickle.loads", "cPickle.load",
            "_pickle.loads", "_pickle.load", "dill.loads", "dill.load", "marshal.loads", "marshal.load", "jsonpickle.decode",
            "pandas.read_pickle", "pickle.Unpickler", "joblib.load");
    private static final Pattern OUTSIDE = Pattern.compile(
            "(?i)(\\brequest\\b|\\breq\\b|\\.body\\b|\\bbody\\b|payload|\\.recv|\\brecv|\\bmessage\\b|\\bmsg\\b|"
                    + "cookie|\\.form\\b|\\.files\\b|get_data|\\.data\\b|upload|\\.content\\b|\\bstdin\\b|\\bevent\\[)");

    UnsafeDeserialization() {
        super(python("unsafe-deserialization", "pickle reading request data", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        PyStrings strings = new PyStrings(f);
        calls(f, (call, q) -> {
            if (!LOADERS.contains(q)) {
                return;
            }
            SyntaxNode a = Py.arg(call, 0, null);
            if (a == null) {
                return;
            }
            StringBuilder seen = new StringBuilder(a.text());
            java.util.List<SyntaxNode> names = new java.util.ArrayList<>(a.descendants("identifier"));
            if (a.is("identifier")) {
                names.add(a);
            }
            for (SyntaxNode n : names) {
                for (SyntaxNode v : strings.valuesOf(n, n.text())) {
                    seen.append(' ').append(v.text());
                }
            }
            if (OUTSIDE.matcher(seen).find()) {
                ctx.report(a.range(), q + " on " + clip(a.text()) + ", which by its name comes from a request or "
                        + "message: whoever can send it runs code in this process; exchange JSON (or sign the bytes "
                        + "with hmac and check before loading)");
            }
        });
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
