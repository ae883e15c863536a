package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.UrlPasswords;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A credential written in Go source, judged by the one secret detector ({@code secrets/}): a string literal with a
 * vendor token's shape anywhere (tests included, sample JWTs and test PEM keys there excepted), or a literal given to a secret-named
 * variable, constant or struct field ({@code password := "..."}, {@code APIKey: "..."}) in production code.
 */
final class HardcodedSecret extends GoRule {
    /** Short names Go code gives credentials ({@code pw}, {@code cred}, {@code bearer}): a secret only with a random value. */
    private static final Pattern SHORT_NAMES = Pattern.compile("(?i)(^|[^a-z])(pw|cred|bearer|auth)([^a-z]|$)|^(pw|cred|bearer)");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(bearer|basic|token)\\s*:?\\s+(?=\\S+$)");
    private static final Pattern NAME_LIKE = Pattern.compile("[a-z][a-z0-9]*([_.:-][a-z0-9]+)+");
    private static final Pattern SECRET_WORD = Pattern.compile("token|password|secret|auth|key|credential");
    HardcodedSecret() {
        super(go("hardcoded-secret", "Secret written in the source code", Severity.WARNING, Category.SECURITY));
    }

    @Override
    protected boolean inTests() {
        return true;
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (String type : List.of("interpreted_string_literal", "raw_string_literal")) {
            for (SyntaxNode s : t.all(type)) {
                SecretType st = SecretScanner.shape(null, Go.stringValue(s));
                if (st != null && !(t.isTest() && (st == SecretType.JWT || st == SecretType.PRIVATE_KEY))
                        && seen.add(s.range())) {
                    ctx.report(s.range(), "This string looks like " + st.description() + ": anyone with the "
                            + "repository can use it; revoke it and read it from the environment or a secret store");
                }
            }
        }
        if (t.isTest()) {
            return;
        }
        for (String type : List.of("interpreted_string_literal", "raw_string_literal")) {
            for (SyntaxNode s : t.all(type)) {
                SyntaxNode value = bytesOf(s);
                String name = Go.storedIn(value);
                if (name == null) {
                    name = comparedWith(value);
                }
                if (name == null && value.parent() != null && value.parent().is("argument_list")
                        && value.parent().parent().is("call_expression")
                        && "SignedString".equals(Go.method(value.parent().parent()))) {
                    signingKey(ctx, s, s, seen); // token.SignedString([]byte("...")): a key whatever it reads
                    continue;
                }
                if (name != null && !seen.contains(s.range())) {
                    named(ctx, name.substring(name.lastIndexOf('.') + 1).replace("\"", ""), s, seen);
                }
                String text = Go.stringValue(s);
                // (a text of several lines is documentation or a template: the DSNs in a help message are examples)
                UrlPasswords.UrlPassword pw = text == null || text.indexOf('\n') >= 0 ? null
                        : UrlPasswords.firstLiteral(text);
                if (pw != null && seen.add(s.range())) {
                    ctx.report(s.range(), "This " + pw.scheme() + " URL carries a literal password: anyone with the "
                            + "repository can use it; build the URL from the environment or a secret store");
                }
            }
        }
        signingKeys(t, ctx, seen);
    }

    /**
     * {@code token.SignedString(jwtKey)} where the file defines {@code jwtKey} once, as a literal
     * ({@code var jwtKey = []byte("...")}): the HMAC key is in the source whatever its value looks like, so the
     * placeholder-looking values the name check lets go ({@code "my_secret_key"}) count here.
     */
    private static void signingKeys(CodeTree t, RuleContext ctx, Set<TextRange> seen) {
        Map<String, List<SyntaxNode>> defs = null;
        for (SyntaxNode call : t.all("call_expression")) {
            SyntaxNode arg = Go.arg(call, 0);
            if (!"SignedString".equals(Go.method(call)) || arg == null || !arg.is("identifier")) {
                continue;
            }
            defs = defs != null ? defs : literalDefinitions(t);
            List<SyntaxNode> d = defs.getOrDefault(arg.text(), List.of());
            if (d.size() == 1) {
                signingKey(ctx, arg, d.get(0), seen);
            }
        }
    }

    /** Per name, the literals the file assigns it ({@code x := "..."}, {@code var x = []byte("...")}); a name also
     * assigned something else maps to a list with a null, so that it is never taken for a literal. */
    private static Map<String, List<SyntaxNode>> literalDefinitions(CodeTree t) {
        Map<String, List<SyntaxNode>> out = new HashMap<>();
        for (String type : List.of("var_spec", "const_spec", "short_var_declaration", "assignment_statement")) {
            for (SyntaxNode stmt : t.all(type)) {
                boolean spec = !type.endsWith("statement") && !type.startsWith("short");
                List<SyntaxNode> left = spec ? stmt.fieldAll("name")
                        : stmt.field("left") == null ? List.of() : stmt.field("left").namedChildren();
                SyntaxNode right = spec ? stmt.field("value") : stmt.field("right");
                List<SyntaxNode> values = right == null ? List.of() : right.namedChildren();
                for (int i = 0; i < left.size(); i++) {
                    SyntaxNode v = values.size() == left.size() ? Go.unwrap(values.get(i)) : null;
                    SyntaxNode lit = v == null ? null : literalOf(v);
                    out.computeIfAbsent(left.get(i).text(), k -> new ArrayList<>()).add(lit);
                }
            }
        }
        return out;
    }

    /** The string literal a value is: {@code "..."} or {@code []byte("...")}; null otherwise. */
    private static SyntaxNode literalOf(SyntaxNode v) {
        if (Go.isString(v)) {
            return v;
        }
        for (SyntaxNode lit : v.descendants("interpreted_string_literal", "raw_string_literal")) {
            return bytesOf(lit).equals(v) ? lit : null;
        }
        return null;
    }

    private static void signingKey(RuleContext ctx, SyntaxNode at, SyntaxNode literal, Set<TextRange> seen) {
        String v = literal == null ? null : Go.stringValue(literal);
        if (v == null || v.isEmpty() || seen.contains(literal.range()) || !seen.add(at.range())) {
            return;
        }
        ctx.report(at.range(), "The JWT signing key is a literal in the source: anyone who reads the repository can "
                + "sign tokens the service accepts; load the key from the environment or a secret store");
    }

    /** {@code []byte("...")}: the conversion stands for the literal. */
    private static SyntaxNode bytesOf(SyntaxNode s) {
        SyntaxNode p = s.parent();
        if (p != null && p.is("type_conversion_expression") && p.field("type") != null
                && p.field("type").text().replace(" ", "").equals("[]byte")) {
            return p;
        }
        SyntaxNode call = p != null && p.is("argument_list") ? p.parent() : null;
        if (call != null && call.is("call_expression") && call.field("function") != null
                && call.field("function").text().replace(" ", "").equals("[]byte") && p.namedChildren().size() == 1) {
            return call;
        }
        return s;
    }

    /** {@code password == "..."}: the literal a secret-named value is compared with. */
    private static String comparedWith(SyntaxNode s) {
        SyntaxNode p = s.parent();
        if (p == null || !p.is("binary_expression") || p.field("operator") == null
                || !(p.field("operator").text().equals("==") || p.field("operator").text().equals("!="))) {
            return null;
        }
        SyntaxNode other = s.equals(p.field("left")) ? p.field("right") : p.field("left");
        return other != null && other.isAny("identifier", "selector_expression") ? other.text() : null;
    }

    private static void named(RuleContext ctx, String name, SyntaxNode value, Set<TextRange> seen) {
        String v = Go.stringValue(value);
        if (v != null) {
            v = AUTH_SCHEME.matcher(v).replaceFirst(""); // "Bearer: 2lkj...": the credential after the scheme
        }
        if (v == null || v.length() < 4 || !SecretValues.isLiteral(v) || v.contains(" ") || v.contains("%")
                || v.matches("[A-Z][A-Z0-9_]+") // an environment variable's name
                || (v.length() <= 256 && NAME_LIKE.matcher(v).matches() || v.matches("[A-Za-z]+"))
                        && SECRET_WORD.matcher(v.toLowerCase(java.util.Locale.ROOT)).find()) { // "auth_token", "Secret"
            return;
        }
        boolean password = SecretKeys.words(name).stream().anyMatch(w -> w.startsWith("PASS") || w.equals("PWD")
                || w.endsWith("PASSWORD"));
        if (!password && !SecretValues.credentialLike(v)) {
            return; // RootKey = "traefik": a key name with a plain word is a prefix or a label
        }
        boolean random = v.length() >= 16 && SecretValues.credentialLike(v) && !SecretValues.looksMadeUp(v)
                && !(v.length() <= 256 && NAME_LIKE.matcher(v).matches()); // "identifier_first": words, not random
        if (!SecretKeys.isSecretKey(name) && !(random && SHORT_NAMES.matcher(name).find())) {
            return;
        }
        if (seen.add(value.range())) {
            ctx.report(value.range(), name + " is written as a literal in the source: anyone with the repository has "
                    + "it; read it from the environment (os.Getenv) or a secret store");
        }
    }
}
