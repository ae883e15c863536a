package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;

/**
 * JNDI LDAP settings that weaken the directory connection. {@code anonymous()}: the environment's
 * {@code Context.SECURITY_AUTHENTICATION} set to {@code "none"}. {@code returningObjects()}: {@code SearchControls}
 * with the returning-object flag on (the sixth constructor argument, or {@code setReturningObjFlag(true)}).
 */
final class LdapSettings extends JavaRule {
    private final boolean anonymous;

    private LdapSettings(boolean anonymous, String id, String title, Severity severity) {
        super(java(id, title, severity, Category.SECURITY));
        this.anonymous = anonymous;
    }

    static LdapSettings anonymous() {
        return new LdapSettings(true, "ldap-anonymous-bind", "Anonymous LDAP bind", Severity.WARNING);
    }

    static LdapSettings returningObjects() {
        return new LdapSettings(false, "ldap-returning-objects", "LDAP search that deserializes entries",
                Severity.ERROR);
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        if (anonymous) {
            for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
                if (c.getNameAsString().equals("put") && c.getArguments().size() == 2
                        && c.getArgument(0).toString().endsWith("SECURITY_AUTHENTICATION")
                        && c.getArgument(1).isStringLiteralExpr()
                        && c.getArgument(1).asStringLiteralExpr().getValue().equals("none")) {
                    ctx.report(f.range(c.getArgument(1)), "An anonymous bind gives the application no identity in "
                            + "the directory: access depends on what anonymous users may read, and a login check built "
                            + "on it proves nothing; bind with a service account (\"simple\" over LDAPS, or SASL)");
                }
            }
            return;
        }
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (oc.getType().getNameAsString().equals("SearchControls") && oc.getArguments().size() == 6
                    && oc.getArgument(4).toString().equals("true")) {
                ctx.report(f.range(oc.getArgument(4)), MESSAGE);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("setReturningObjFlag") && c.getArguments().size() == 1
                    && c.getArgument(0).toString().equals("true")) {
                ctx.report(f.range(c), MESSAGE);
            }
        }
    }

    private static final String MESSAGE = "Returning objects makes JNDI deserialize Java objects stored in the "
            + "entries it finds (javaSerializedData, javaCodeBase): whoever can write to the directory runs code in "
            + "this service; leave the flag false and read attributes";
}
