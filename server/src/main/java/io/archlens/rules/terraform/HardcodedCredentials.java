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
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.SecretSpan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Secrets written as literals: provider, resource and module arguments named like a secret, defaults of
 * variables named like a secret or marked {@code sensitive}, and known token formats (AWS access key ids,
 * GitHub tokens...) anywhere in a string. Names and values are judged by the shared detector ({@code secrets/}).
 */
public final class HardcodedCredentials implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/hardcoded-credentials",
            "Credentials are written in the configuration", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    /** Arguments named "token" that are idempotency keys, not credentials (EFS creation_token, ...). */
    private static final Set<String> IDEMPOTENCY = Set.of("creation_token", "client_token", "idempotency_token");

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
                        if (SecretKeys.isSecretKey(a.name()) && literal(a.value())) {
                            report(ctx, a.value(), "provider \"" + b.label(0) + "\" sets " + a.name()
                                    + " to a literal: it ends up in git history and every clone; take it from the"
                                    + " environment, a credentials profile or an assumed role", reported);
                        }
                    }
                    break;
                case "variable": {
                    HclExpr def = b.value("default");
                    String name = b.label(0);
                    boolean sensitive = b.value("sensitive") instanceof HclExpr.Bool t && t.value();
                    if (name != null && (sensitive || SecretKeys.isSecretKey(name)) && literal(def)) {
                        report(ctx, def, "Variable " + name + " has a literal default that looks like a secret:"
                                + " drop the default, mark it sensitive and pass it from a secret store"
                                + " (TF_VAR_" + name + ", Vault, SSM)", reported);
                    }
                    break;
                }
                case "resource":
                case "module":
                    for (HclAttribute a : b.body().attributes()) {
                        if (SecretKeys.isSecretKey(a.name()) && !IDEMPOTENCY.contains(a.name()) && literal(a.value())) {
                            report(ctx, a.value(), a.name() + " of " + b.address() + " is a literal: it is stored"
                                    + " in git and in plain text in the state; generate it (random_password), use"
                                    + " manage_master_user_password or read it from a secret store", reported);
                        }
                    }
                    if (b.type().equals("resource")) {
                        nested(ctx, b, reported);
                    }
                    break;
                default:
                    break;
            }
        }
        // known token formats (AWS access key ids, GitHub tokens, private keys...) anywhere
        Tf.walkAll(f.body(), e -> {
            SecretType t = e instanceof HclExpr.Str s ? SecretScanner.shape(null, s.value()) : null;
            if (t != null) {
                report(ctx, e, "This string contains " + t.description() + ": rotate it now and take credentials"
                        + " from the environment, a role or a secret store instead", reported);
            }
        });
    }

    /**
     * Inside a resource: secret-named keys of maps with literal values (a Lambda function's or a container's
     * environment variables), and secrets in boot scripts ({@code user_data}) found by the shared scanner.
     */
    private static void nested(RuleContext ctx, HclBlock b, Set<Integer> reported) {
        Tf.walkAll(b.body(), e -> {
            if (e instanceof HclExpr.Obj o) {
                for (HclExpr.ObjItem it : o.items()) {
                    if (it.keyName() != null && SecretKeys.isSecretKey(it.keyName()) && literal(it.value())) {
                        report(ctx, it.value(), it.keyName() + " in " + b.address() + " is a literal: environment"
                                + " variables are readable by anyone who can read the function or task definition and"
                                + " are stored in the state; read it at runtime from Secrets Manager or SSM", reported);
                    }
                }
            }
        });
        HclAttribute ud = b.attr("user_data");
        if (ud != null && ud.value() instanceof HclExpr.Str s) {
            List<SecretSpan> spans = SecretScanner.scan(s.value(), false);
            if (!spans.isEmpty()) {
                report(ctx, ud.value(), "The user_data of " + b.address() + " contains "
                        + spans.get(0).type().description() + ": instance user data is readable from the instance"
                        + " metadata service and the EC2 API, and stored in the state; fetch secrets at boot from"
                        + " Secrets Manager or SSM with the instance role", reported);
            }
        }
    }

    private static boolean literal(HclExpr e) {
        String v = Tf.str(e);
        return v != null && SecretValues.isLiteral(v);
    }

    private static void report(RuleContext ctx, HclExpr at, String message, Set<Integer> reported) {
        if (reported.add(at.range().start())) {
            ctx.report(at.range(), message);
        }
    }
}
