package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets written as literals: provider credentials, secret-looking variable defaults, resource password
 * arguments, and AWS access key ids anywhere in a string.
 */
public final class HardcodedCredentials implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/hardcoded-credentials",
            "Credentials are written in the configuration", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    private static final Set<String> PROVIDER_SECRETS = Set.of("access_key", "secret_key", "token", "password",
            "client_secret", "client_certificate_password", "api_key", "api_token", "private_key", "secret",
            "credentials", "access_token");
    private static final Set<String> RESOURCE_SECRETS = Set.of("password", "master_password", "admin_password",
            "root_password", "administrator_login_password", "secret_string", "auth_token");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api_?key|access_?key|secret_?key|private_?key|credentials?)");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\s*|<[^>]*>|\\$\\{.*}|x+|\\*+|(dummy|example|placeholder)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        Set<Integer> reported = new HashSet<>();
        for (HclBlock b : f.body().blocks()) {
            switch (b.type()) {
                case "provider":
                    for (HclAttribute a : b.body().attributes()) {
                        if (PROVIDER_SECRETS.contains(a.name()) && literal(a.value())) {
                            report(ctx, a.value(), "provider \"" + b.label(0) + "\" sets " + a.name()
                                    + " to a literal: it ends up in git history and every clone; take it from the"
                                    + " environment, a credentials profile or an assumed role", reported);
                        }
                    }
                    break;
                case "variable": {
                    HclExpr def = b.value("default");
                    String name = b.label(0);
                    if (name != null && SECRET_NAME.matcher(name).matches() && literal(def)) {
                        report(ctx, def, "Variable " + name + " has a literal default that looks like a secret:"
                                + " drop the default, mark it sensitive and pass it from a secret store"
                                + " (TF_VAR_" + name + ", Vault, SSM)", reported);
                    }
                    break;
                }
                case "resource":
                case "module":
                    for (HclAttribute a : b.body().attributes()) {
                        if (RESOURCE_SECRETS.contains(a.name()) && literal(a.value())) {
                            report(ctx, a.value(), a.name() + " of " + b.address() + " is a literal: it is stored"
                                    + " in git and in plain text in the state; generate it (random_password), use"
                                    + " manage_master_user_password or read it from a secret store", reported);
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        // AWS access key ids anywhere
        Tf.walkAll(f.body(), e -> {
            if (e instanceof HclExpr.Str s && AWS_KEY_ID.matcher(s.value()).find()) {
                report(ctx, e, "This string contains an AWS access key id: rotate the key now and take credentials"
                        + " from the environment or a role instead", reported);
            }
        });
    }

    private static boolean literal(HclExpr e) {
        String v = Tf.str(e);
        return v != null && !PLACEHOLDER.matcher(v).matches();
    }

    private static void report(RuleContext ctx, HclExpr at, String message, Set<Integer> reported) {
        if (reported.add(at.range().start())) {
            ctx.report(at.range(), message);
        }
    }
}
