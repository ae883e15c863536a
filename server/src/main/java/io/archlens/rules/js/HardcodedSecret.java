package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.Set;

/**
 * A credential written in the source, judged by the one secret detector ({@code secrets/}): a string with a
 * vendor token's shape anywhere (tests included, sample JWTs in tests excepted); in production code a literal given
 * to a secret-named variable, property or field ({@code password}, {@code apiKey: '...'}), a literal fallback of a
 * secret-named environment variable ({@code process.env.JWT_SECRET || 'dev'}), and a literal signing key passed to
 * jsonwebtoken's {@code sign}/{@code verify} or to a passport strategy ({@link JsStrategies}).
 */
final class HardcodedSecret extends JsRule {
    HardcodedSecret() {
        super(js("hardcoded-secret", "Secret written in the source code", Severity.WARNING, Category.SECURITY));
    }

    @Override
    protected boolean inTests() {
        return true;
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (String type : new String[] {"string", "template_string"}) {
            for (SyntaxNode s : t.all(type)) {
                String v = Js.stringValue(s);
                SecretType st = v == null ? null : SecretScanner.shape(null, v);
                if (st != null && !(t.isTest() && st == SecretType.JWT) && seen.add(s.range())) {
                    ctx.report(s.range(), "This string looks like " + st.description() + ": anyone with the "
                            + "repository can use it; revoke it and read it from the environment or a secret store");
                }
            }
        }
        if (t.isTest()) {
            return;
        }
        for (SyntaxNode d : t.all("variable_declarator")) {
            named(ctx, d.field("name"), d.field("value"), seen);
        }
        for (SyntaxNode a : t.all("assignment_expression")) {
            SyntaxNode l = a.field("left");
            named(ctx, l != null && l.is("member_expression") ? l.field("property") : l, a.field("right"), seen);
        }
        for (SyntaxNode p : t.all("pair")) {
            named(ctx, p.field("key"), p.field("value"), seen);
        }
        for (SyntaxNode f : t.all("public_field_definition")) {
            named(ctx, f.field("name"), f.field("value"), seen);
        }
        for (SyntaxNode f : t.all("field_definition")) {
            named(ctx, f.field("property"), f.field("value"), seen);
        }
        for (SyntaxNode c : t.all("call_expression")) {
            SyntaxNode key = JsKeys.keyArgument(m, c);
            if (key != null && JsKeys.literal(m, key, 0) != null && !madeUpData(key) && seen.add(key.range())) {
                ctx.report(key.range(), JsKeys.what(c) + " key is written in the source" + JsKeys.where(m, key)
                        + ": anyone with the repository can " + (JsKeys.what(c).startsWith("The HMAC")
                        ? "compute valid signatures" : "sign tokens as any user")
                        + "; read it from the environment or a secret store");
            }
        }
        JsStrategies.report(t, m, ctx, seen);
        for (SyntaxNode o : t.all("object")) {
            SyntaxNode secret = Js.prop(o, "secret");
            if (secret != null && JsKeys.sessionOptions(o)) {
                SyntaxNode lit = JsKeys.literal(m, secret, 0);
                if (lit != null && seen.add(secret.range())) {
                    ctx.report(secret.range(), "The session secret is written in the source" + JsKeys.where(m, secret)
                            + ": anyone with the repository can forge session cookies; read it from the environment");
                }
            }
        }
        for (SyntaxNode b : t.all("binary_expression")) {
            SyntaxNode left = Js.unwrap(b.field("left"));
            String op = b.field("operator") == null ? "" : b.field("operator").text();
            if ((op.equals("||") || op.equals("??")) && left != null && left.is("member_expression")
                    && Js.unwrap(left.field("object")) != null
                    && Js.unwrap(left.field("object")).text().equals("process.env")) {
                String key = left.field("property").text();
                SyntaxNode right = Js.unwrap(b.field("right"));
                String v = Js.stringValue(right);
                if (v != null && SecretKeys.isSecretKey(key) && literal(v) && seen.add(right.range())) {
                    ctx.report(right.range(), key + " falls back to a literal: when the variable is missing the "
                            + "service runs with a secret everyone with the repository knows; fail at startup instead");
                }
            }
        }
    }

    private static void named(RuleContext ctx, SyntaxNode name, SyntaxNode value, Set<TextRange> seen) {
        value = Js.unwrap(value);
        String n = name == null ? null : Js.keyName(name);
        String v = value == null ? null : Js.stringValue(value);
        if (n == null || v == null || !SecretKeys.isSecretKey(n) || !literal(v) || label(n, v) || madeUpData(value)) {
            return;
        }
        if (seen.add(value.range())) {
            ctx.report(value.range(), n + " is written as a literal in the source: anyone with the repository has "
                    + "it; read it from the environment or a secret store (process.env." + envName(n) + ")");
        }
    }

    /** Words of a name that say what it holds is made up ({@code getTestUsers}, {@code mockUser}, {@code MockAuth}). */
    private static final Set<String> MADE_UP = Set.of("TEST", "TESTS", "MOCK", "MOCKS", "MOCKED", "FAKE", "FAKES",
            "FIXTURE", "FIXTURES", "SAMPLE", "SAMPLES", "SEED", "SEEDS", "STUB", "STUBS", "DUMMY", "DEMO", "PLACEHOLDER",
            "PLACEHOLDERS", "EXAMPLE", "EXAMPLES");

    /**
     * The value sits in a function, class or variable whose name says it is made up: {@code function getTestUsers()
     * { return [{password: '123456'}] }}, {@code const mockUser = {token: 'abc123'}}, a {@code class MockAuth} that
     * signs its own tokens (sample data and stand-ins of a front end or a seed script, not a running service's
     * credential).
     */
    private static boolean madeUpData(SyntaxNode value) {
        for (SyntaxNode a = value.parent(); a != null; a = a.parent()) {
            SyntaxNode name = a.isAny("function_declaration", "generator_function_declaration", "method_definition",
                    "variable_declarator", "class_declaration", "class") ? a.field("name") : null;
            if (name != null && SecretKeys.words(name.text()).stream().anyMatch(MADE_UP::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value that names rather than hides: an enum-like value spelling its own key ({@code RESET_PASSWORD:
     * 'resetPassword'}), a plain word or slug under a name whose only secret word is KEY ({@code STORAGE_KEY =
     * 'app-conversation'}: a storage or cache key; {@link SecretKeys#isLabel}), or a public address
     * ({@code tokenAddress}).
     */
    private static boolean label(String name, String v) {
        String nn = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        String vv = v.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        if (nn.equals(vv) || nn.endsWith("address")) {
            return true;
        }
        return SecretKeys.isLabel(name, v);
    }

    private static boolean literal(String v) {
        return v.length() >= 4 && SecretValues.isLiteral(v) && !v.contains(" ");
    }

    private static String envName(String n) {
        return n.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
