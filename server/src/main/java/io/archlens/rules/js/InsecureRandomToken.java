package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code Math.random()} whose value becomes a token, password, salt, nonce or code, judged by the names around it:
 * the enclosing function, the variable, property or field it is stored in; and any {@code crypto.pseudoRandomBytes}.
 */
final class InsecureRandomToken extends JsRule {
    private static final Pattern SECRETISH = Pattern.compile(
            "token|secret|password|passwd|nonce|salt|otp|apikey|api_key|sessionid|session_id|resetcode|reset_code|"
                    + "verificationcode|verification_code|csrf|activationcode|invitecode|\\bpin\\b");

    InsecureRandomToken() {
        super(js("insecure-random-token", "Predictable random numbers used for a secret", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode c : t.all("member_expression")) {
            if (c.field("property") != null && c.field("property").text().equals("pseudoRandomBytes")
                    && Js.unwrap(c.field("object")) != null && Js.unwrap(c.field("object")).is("identifier")
                    && (m.isModule(Js.unwrap(c.field("object")).text(), "crypto")
                            || c.field("object").text().equals("crypto"))) {
                ctx.report(c.range(), "crypto.pseudoRandomBytes is not cryptographically strong (and long "
                        + "deprecated): its bytes can be predicted; use crypto.randomBytes");
            }
        }
        for (SyntaxNode c : t.all("call_expression")) {
            if (!Js.calleeText(c).equals("Math.random")) {
                continue;
            }
            StringBuilder words = new StringBuilder();
            SyntaxNode fn = Js.function(c);
            for (SyntaxNode f = fn; f != null; f = Js.function(f)) {
                String name = Js.functionName(f);
                words.append(' ').append(name == null ? "" : name);
            }
            for (SyntaxNode p = c.parent(); p != null && !p.equals(fn); p = p.parent()) {
                SyntaxNode target = p.is("variable_declarator") ? p.field("name")
                        : p.is("pair") ? p.field("key") : p.isAny("assignment_expression",
                                "augmented_assignment_expression") ? p.field("left")
                        : p.is("public_field_definition") ? p.field("name") : null;
                if (target != null) {
                    words.append(' ').append(target.text());
                }
            }
            String w = words.toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            if (SECRETISH.matcher(w.replace("_", "")).find() || SECRETISH.matcher(w).find()) {
                ctx.report(Js.callee(c).range(), "Math.random() is predictable (a few outputs reveal the state) and "
                        + "its value is used for a token or secret here, judging by the names: use "
                        + "crypto.randomBytes / crypto.randomUUID / crypto.randomInt");
            }
        }
    }
}
