package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code math/rand} values that become a token, password, salt, nonce or code: judged by the names around the call
 * (the function, the variable it is stored in or returned from). {@code crypto/rand} imported as {@code rand} is
 * the right thing and is left alone.
 */
final class InsecureRandomToken extends GoRule {
    private static final Pattern SECRETISH = Pattern.compile(
            "token|secret|password|passwd|nonce|salt|otp|apikey|api_key|sessionid|session_id|resetcode|"
                    + "verificationcode|csrf|activationcode|invitecode|\\bpin\\b");

    InsecureRandomToken() {
        super(go("insecure-random-token", "Predictable random numbers used for a secret", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        Set<String> aliases = new HashSet<>();
        for (SyntaxNode spec : t.all("import_spec")) {
            String path = Go.stringValue(spec.field("path"));
            if ("math/rand".equals(path) || "math/rand/v2".equals(path)) {
                SyntaxNode name = spec.field("name");
                aliases.add(name != null ? name.text() : "rand");
            }
        }
        if (aliases.isEmpty()) {
            return;
        }
        for (SyntaxNode call : t.all("call_expression")) {
            SyntaxNode recv = Go.receiver(call);
            if (recv == null || !recv.is("identifier") || !aliases.contains(recv.text())
                    || Go.method(call).startsWith("New") || Go.method(call).equals("Seed")) {
                continue;
            }
            if (secretUse(call)) {
                ctx.report(call.field("function").range(), "math/rand is predictable (a few outputs reveal the "
                        + "state) and this value is used for a token or secret, judging by the names: use crypto/rand "
                        + "(rand.Read, rand.Text) instead");
            }
        }
    }

    private static boolean secretUse(SyntaxNode call) {
        StringBuilder words = new StringBuilder();
        String fn = Go.functionName(call);
        words.append(fn == null ? "" : fn);
        SyntaxNode stmt = call.ancestor("short_var_declaration", "assignment_statement", "var_spec", "return_statement",
                "function_declaration", "method_declaration", "func_literal");
        if (stmt != null && stmt.isAny("short_var_declaration", "assignment_statement")) {
            SyntaxNode left = stmt.field("left");
            words.append(' ').append(left == null ? "" : left.text());
        } else if (stmt != null && stmt.is("var_spec")) {
            stmt.fieldAll("name").forEach(n -> words.append(' ').append(n.text()));
        }
        return SECRETISH.matcher(words.toString().toLowerCase(Locale.ROOT)).find();
    }
}
