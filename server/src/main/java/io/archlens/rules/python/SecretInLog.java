package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretKeys;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A password, token or secret passed to a log call ({@code logging.*}, {@code logger.*}, {@code log.*},
 * {@code print}): an argument, an f-string piece, a {@code %}/{@code +} operand that is a variable or attribute
 * with a secret-like name ({@code password}, {@code self.api_key}).
 */
final class SecretInLog extends PythonRule {
    private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "warn", "error", "exception",
            "critical", "log", "fatal");

    SecretInLog() {
        super(python("secret-in-log", "Secret written to the log", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            if (!logCall(call, q)) {
                return;
            }
            SyntaxNode args = call.field("arguments");
            if (args == null) {
                return;
            }
            for (SyntaxNode a : args.namedChildren()) {
                if (a.is("keyword_argument")) {
                    continue;
                }
                List<SyntaxNode> parts = new ArrayList<>();
                flatten(a, parts);
                for (SyntaxNode p : parts) {
                    String name = p.is("identifier") ? p.text()
                            : p.is("attribute") ? p.field("attribute").text() : null;
                    if (name != null && SecretKeys.isSecretKey(name)) {
                        ctx.report(p.range(), name + " is written to the log: logs are kept, shipped and read by many "
                                + "more people than the secret's owners; log that it is set, never its value");
                    }
                }
            }
        });
    }

    private static boolean logCall(SyntaxNode call, String q) {
        if (q.equals("print")) {
            return true;
        }
        String m = Py.method(call);
        String r = Py.receiver(call).toLowerCase(Locale.ROOT);
        return LEVELS.contains(m) && (r.equals("logging") || r.equals("log") || r.endsWith("logger")
                || r.endsWith(".log") || r.endsWith("_log") || r.equals("logger"));
    }

    private static void flatten(SyntaxNode e, List<SyntaxNode> out) {
        switch (e.type()) {
            case "binary_operator" -> {
                flatten(e.field("left"), out);
                flatten(e.field("right"), out);
            }
            case "parenthesized_expression", "tuple" -> e.namedChildren().forEach(c -> flatten(c, out));
            case "string", "concatenated_string" -> e.descendants("interpolation").forEach(i -> {
                if (i.field("expression") != null) {
                    flatten(i.field("expression"), out);
                }
            });
            case "identifier", "attribute" -> out.add(e);
            default -> {
            }
        }
    }
}
