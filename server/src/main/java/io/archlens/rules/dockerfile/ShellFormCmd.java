package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective CMD or ENTRYPOINT of the final image in shell form: the application runs as a child of
 * {@code /bin/sh -c}, is not PID 1, and does not get the SIGTERM of {@code docker stop}, so it cannot shut down
 * gracefully. The fix rewrites to exec form (unsafe: exec form does no variable expansion).
 */
final class ShellFormCmd implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("shell-form-cmd",
            "Shell-form CMD/ENTRYPOINT: the app is not PID 1 and misses SIGTERM", Severity.WARNING,
            Category.RELIABILITY).withFix();
    private static final String META_CHARS = "$`|&;<>()*?[]~{}#\\\"'!";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        Stage f = d.finalStage();
        if (f == null || Docker.isWindows(d, f)) {
            return;
        }
        Instruction entry = f.lastInherited("ENTRYPOINT");
        Instruction cmd = f.lastInherited("CMD");
        if (entry != null && shellForm(entry)) {
            ctx.report(entry.commandRange(), "Shell-form ENTRYPOINT runs under /bin/sh -c: the app is not PID 1, "
                    + "never receives the SIGTERM of docker stop (it is killed after the grace period, mid-request) "
                    + "and CMD or run arguments are ignored; use the exec form", fixes(entry));
        }
        if (cmd != null && shellForm(cmd) && (entry == null || entry.isExecForm())) {
            String msg = entry == null
                    ? "Shell-form CMD runs under /bin/sh -c: the app may not be PID 1 and then misses the SIGTERM of "
                    + "docker stop, so it is killed without a graceful shutdown; use the exec form"
                    : "With an exec-form ENTRYPOINT, this shell-form CMD is passed to it as the arguments "
                    + "/bin/sh -c '...'; write CMD as a JSON array of arguments";
            ctx.report(cmd.commandRange(), msg, fixes(cmd));
        }
    }

    private static boolean shellForm(Instruction i) {
        return !i.isExecForm() && !i.isMalformedExecForm() && !i.command().isBlank();
    }

    /** The exec-form rewrite, when one is mechanical. */
    static Fix[] fixes(Instruction i) {
        String text = i.command().strip();
        String kw = i.keyword();
        boolean plain = true;
        for (int k = 0; k < text.length(); k++) {
            if (META_CHARS.indexOf(text.charAt(k)) >= 0) {
                plain = false;
                break;
            }
        }
        List<String> items = new ArrayList<>();
        String title;
        if (plain) {
            for (String part : text.split("\\s+")) {
                items.add(part);
            }
            title = "Use exec form " + kw + " " + Docker.jsonArray(items);
        } else {
            if (!simpleCommand(text)) {
                return new Fix[0];
            }
            items.add("/bin/sh");
            items.add("-c");
            items.add(text.startsWith("exec ") ? text : "exec " + text);
            title = "Use exec form via sh -c 'exec ...' (keeps variable expansion)";
        }
        return new Fix[] {Fix.unsafe(title, Edit.replace(i.commandRange(), Docker.jsonArray(items)))};
    }

    /** One command without operators, subshells or redirections: {@code exec} can replace the shell with it. */
    private static boolean simpleCommand(String t) {
        boolean sq = false;
        boolean dq = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '\\' && !sq) {
                k++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (!sq && !dq && "|&;<>()`\n".indexOf(c) >= 0) {
                return false;
            } else if (!sq && c == '`') {
                return false;
            } else if (!sq && c == '$' && k + 1 < t.length() && t.charAt(k + 1) == '(') {
                return false;
            }
        }
        return !sq && !dq;
    }
}
