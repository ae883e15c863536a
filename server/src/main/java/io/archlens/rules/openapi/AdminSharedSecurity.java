package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Admin-looking operations (a path segment starting with {@code admin}) whose security requirement is one that
 * non-admin operations use too (same schemes, same scopes): the contract asks nothing more of an administrator than
 * of any user, so only server code keeps users out.
 */
public final class AdminSharedSecurity implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/admin-shared-security",
            "Admin operation accepts the same credentials as user operations", Severity.INFO, Category.SECURITY,
            FileKind.OPENAPI);

    private static final Pattern ADMIN = Pattern.compile("(?i).*/admin[^/]*(/.*)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<String> userRequirements = new HashSet<>();
        List<Operation> admin = new ArrayList<>();
        for (Operation op : doc.operations()) {
            if (ADMIN.matcher(op.path()).matches()) {
                admin.add(op);
            } else if (!Oas.isPublic(doc, op) && Oas.security(doc, op) instanceof YSeq seq) {
                for (YNode r : seq.items()) {
                    userRequirements.add(key(r));
                }
            }
        }
        PerOperation misses = new PerOperation();
        for (Operation op : admin) {
            if (Oas.isPublic(doc, op) || !(Oas.security(doc, op) instanceof YSeq seq)) {
                continue; // no requirement: openapi/operation-without-security
            }
            for (YNode r : seq.items()) {
                if (userRequirements.contains(key(r))) {
                    boolean own = op.get("security") != null;
                    misses.add(own ? r.range() : op.methodRange(), op.label(), op.label()
                            + (own ? " requires" : " inherits")
                            + " the same security (" + key(r) + ") as non-admin operations: nothing in the contract"
                            + " keeps an ordinary user's credentials out, only server code can (OWASP API5); require"
                            + " an admin scope or a separate scheme, and check the role on the server");
                    break;
                }
            }
        }
        misses.report(ctx, "require the same security as non-admin operations: nothing in the contract keeps an"
                + " ordinary user's credentials out (OWASP API5); require an admin scope or a separate scheme, and"
                + " check the role on the server", admin.size(), "admin operations");
    }

    /** A requirement as text, schemes and scopes sorted: {@code oauth2[read, write]}. */
    private static String key(YNode requirement) {
        if (!(requirement instanceof YMap m)) {
            return "";
        }
        TreeMap<String, Set<String>> schemes = new TreeMap<>();
        for (YEntry e : m.entries()) {
            Set<String> scopes = new TreeSet<>();
            if (e.value() instanceof YSeq s) {
                for (YNode scope : s.items()) {
                    scopes.add(String.valueOf(scope.text()));
                }
            }
            schemes.put(String.valueOf(e.keyText()), scopes);
        }
        StringBuilder b = new StringBuilder();
        schemes.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(v.isEmpty() ? "" : v));
        return b.toString();
    }
}
