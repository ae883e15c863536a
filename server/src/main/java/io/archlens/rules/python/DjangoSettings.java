package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * Django settings modules (settings.py, settings/*.py, *_settings.py; not the dev, local or test variants) written
 * for a developer's machine: {@code DEBUG = True}, {@code ALLOWED_HOSTS = ['*']}, a literal {@code SECRET_KEY}.
 */
final class DjangoSettings {
    private DjangoSettings() {
    }

    private static void each(CodeTree f, String name, java.util.function.Consumer<SyntaxNode> visit) {
        if (!PythonRule.settingsModule(f)) {
            return;
        }
        for (SyntaxNode a : f.all("assignment")) {
            SyntaxNode v = PythonRule.moduleAssignment(a, name);
            if (v != null) {
                visit.accept(v);
            }
        }
    }

    static final class Debug extends PythonRule {
        Debug() {
            super(python("django-debug-true", "Django DEBUG = True in a settings module", Severity.WARNING,
                    Category.SECURITY));
        }

        @Override
        void run(CodeTree f, RuleContext ctx) {
            each(f, "DEBUG", v -> {
                if (Py.isTrue(v)) {
                    ctx.report(v.range(), "DEBUG = True in a settings module shows stack traces, settings "
                            + "and SQL to anyone who triggers an error (assuming this module is used in production); "
                            + "read it from the environment, off by default: DEBUG = os.environ.get(\"DJANGO_DEBUG\") == \"1\"");
                }
            });
        }
    }

    static final class AllowedHostsWildcard extends PythonRule {
        AllowedHostsWildcard() {
            super(python("django-allowed-hosts-wildcard", "Django ALLOWED_HOSTS accepts any host", Severity.WARNING,
                    Category.SECURITY));
        }

        @Override
        void run(CodeTree f, RuleContext ctx) {
            each(f, "ALLOWED_HOSTS", v -> {
                if (!v.isAny("list", "tuple")) {
                    return;
                }
                for (SyntaxNode e : v.namedChildren()) {
                    if ("*".equals(Py.str(e))) {
                        ctx.report(e.range(), "ALLOWED_HOSTS = ['*'] accepts any Host header: password-reset links "
                                + "and absolute URLs can be made to point at an attacker's host; list the service's "
                                + "domains (from the environment)");
                    }
                }
            });
        }
    }

    static final class SecretKey extends PythonRule {
        private static final Set<String> ENV = Set.of("os.environ.get", "os.getenv");

        SecretKey() {
            super(python("django-secret-key-literal", "Django SECRET_KEY written in the settings", Severity.WARNING,
                    Category.SECURITY));
        }

        @Override
        void run(CodeTree f, RuleContext ctx) {
            java.util.Map<String, String> imports = Py.imports(f);
            each(f, "SECRET_KEY", v -> {
                String s = Py.str(v);
                if (s != null && s.length() >= 8 && !SecretValues.isStandIn(s)) {
                    ctx.report(v.range(), "SECRET_KEY is written in the settings: anyone with the repository can sign "
                            + "sessions, password-reset tokens and messages; read it from the environment "
                            + "(os.environ[\"DJANGO_SECRET_KEY\"]) with no default");
                } else if (v.is("call") && ENV.contains(Py.qualified(v, imports))) {
                    SyntaxNode d = Py.arg(v, 1, "default");
                    String ds = Py.str(d);
                    if (ds != null && ds.length() >= 8 && !SecretValues.isStandIn(ds)) {
                        ctx.report(d.range(), "SECRET_KEY falls back to a literal when the variable is unset: a "
                                + "deployment that forgets it signs sessions with a key everyone with the repository "
                                + "has; use os.environ[\"...\"] so a missing key stops the start");
                    }
                }
            });
        }
    }
}
