package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.KeyValue;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;
import java.util.Locale;

/**
 * Certificate or signature verification switched off: in ENV/ARG ({@code NODE_TLS_REJECT_UNAUTHORIZED=0},
 * {@code GIT_SSL_NO_VERIFY}, {@code PIP_TRUSTED_HOST}, ...) or on a command line ({@code curl -k},
 * {@code wget --no-check-certificate}, {@code pip --trusted-host}, {@code npm config set strict-ssl false},
 * {@code apt-get --allow-unauthenticated}, {@code git -c http.sslVerify=false}, ...).
 */
final class TlsVerificationDisabled implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("tls-verification-disabled",
            "TLS certificate or package signature verification switched off", Severity.ERROR, Category.SECURITY);
    private static final String FIX_TRUST = "fix the trust store instead (install ca-certificates, or COPY your "
            + "corporate CA and run update-ca-certificates)";

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** Why this variable assignment disables verification, or null. */
    static String variable(String key, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "NODE_TLS_REJECT_UNAUTHORIZED":
                return v.equals("0") ? "NODE_TLS_REJECT_UNAUTHORIZED=0 makes every Node.js HTTPS client accept any "
                        + "certificate (and it stays on at run time)" : null;
            case "GIT_SSL_NO_VERIFY":
                return v.isEmpty() || v.equals("0") || v.equals("false") ? null
                        : "GIT_SSL_NO_VERIFY makes git accept any server certificate";
            case "PIP_TRUSTED_HOST":
                return v.isEmpty() ? null : "PIP_TRUSTED_HOST makes pip skip certificate checks for that host";
            case "NPM_CONFIG_STRICT_SSL":
            case "YARN_STRICT_SSL":
                return v.equals("false") || v.equals("0") ? key + "=false makes the package manager accept any "
                        + "registry certificate" : null;
            case "PYTHONHTTPSVERIFY":
                return v.equals("0") ? "PYTHONHTTPSVERIFY=0 turns off certificate checks in Python's HTTP clients"
                        : null;
            default:
                return null;
        }
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : d.instructions()) {
            if (ins.is("ENV") || ins.is("ARG")) {
                for (KeyValue kv : ins.keyValues()) {
                    String why = variable(kv.key(), kv.value());
                    if (why != null) {
                        ctx.report(kv.range(), why + "; remove it and " + FIX_TRUST);
                    }
                }
            }
        }
        for (Instruction run : Docker.allRuns(d)) {
            for (ShellCommand c : run.commands()) {
                check(c, ctx);
            }
        }
    }

    private void check(ShellCommand c, RuleContext ctx) {
        for (Word w : c.words()) {
            int eq = w.text().indexOf('=');
            if (eq > 0 && (c.isLeadingAssignment(w) || c.name().equals("export") || c.name().equals("env"))) {
                String why = variable(w.text().substring(0, eq), w.text().substring(eq + 1));
                if (why != null) {
                    ctx.report(w.range(), why + "; remove it and " + FIX_TRUST);
                    return;
                }
            }
        }
        String name = c.name();
        List<Word> e = c.effective();
        for (int k = 1; k < e.size(); k++) {
            Word w = e.get(k);
            String t = w.text();
            String lower = t.toLowerCase(Locale.ROOT);
            String why = null;
            if (name.equals("curl") && (t.equals("--insecure") || shortCluster(t, 'k', "ABbcCDdEeFHKmoPQrTtUuwXxYyz"))) {
                why = "curl " + t + " accepts any certificate, so anyone on the network path can swap the download";
            } else if (name.equals("wget") && t.equals("--no-check-certificate")) {
                why = "wget --no-check-certificate accepts any certificate, so anyone on the network path can swap "
                        + "the download";
            } else if (lower.startsWith("--trusted-host") || lower.equals("global.trusted-host")) {
                why = "--trusted-host makes pip skip certificate checks for that index";
            } else if (lower.equals("strict-ssl") && k + 1 < e.size() && e.get(k + 1).text().equalsIgnoreCase("false")
                    || lower.equals("--strict-ssl=false") || lower.equals("--no-strict-ssl")) {
                why = name + " strict-ssl false accepts any registry certificate";
            } else if (lower.startsWith("http.sslverify") && (lower.endsWith("=false") || lower.endsWith("=0")
                    || k + 1 < e.size() && (e.get(k + 1).text().equalsIgnoreCase("false") || e.get(k + 1).is("0")))) {
                why = "http.sslVerify false makes git accept any server certificate";
            } else if (t.equals("--allow-unauthenticated") || t.equals("--allow-insecure-repositories")
                    || lower.contains("allowunauthenticated=true") || lower.contains("allowinsecurerepositories=true")
                    || lower.contains("verify-peer=false") || lower.contains("verify-host=false")) {
                why = name + " " + t + " installs packages whose signatures or certificates were not verified";
            } else if (lower.contains("[trusted=yes]") || lower.contains(" trusted=yes")) {
                why = "[trusted=yes] makes apt install from this repository without checking signatures";
            } else if (t.equals("--allow-untrusted")) {
                why = "apk --allow-untrusted installs packages without checking their signatures";
            } else if (t.equals("--nogpgcheck") || lower.equals("gpgcheck=0") || lower.endsWith("gpgcheck=0")) {
                why = name + " " + t + " installs packages without checking their signatures";
            } else if (t.equals("--insecure-skip-tls-verify") || lower.equals("--insecure-skip-tls-verify=true")
                    || lower.equals("--tls-verify=false")) {
                why = name + " " + t + " accepts any server certificate";
            }
            if (why != null) {
                TextRange r = w.range();
                ctx.report(r, why + "; remove it and " + FIX_TRUST);
            }
        }
    }

    /** True when {@code t} is a short option cluster containing {@code f} before any value-taking letter. */
    static boolean shortCluster(String t, char f, String valueLetters) {
        if (t.length() < 2 || t.charAt(0) != '-' || t.charAt(1) == '-') {
            return false;
        }
        for (int j = 1; j < t.length(); j++) {
            char ch = t.charAt(j);
            if (ch == f) {
                return true;
            }
            if (valueLetters.indexOf(ch) >= 0) {
                return false;
            }
        }
        return false;
    }
}
