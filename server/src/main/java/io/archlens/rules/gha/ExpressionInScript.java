package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${{ }}} of a value the workflow does not fix itself, expanded into a {@code run:} script or a
 * code-running action input: a composite action's or reusable workflow's string {@code inputs.*}, step and job
 * outputs, matrix values that are themselves expressions, and {@code env.*} set from those. Whether an attacker
 * reaches the value depends on callers and earlier steps, so this is a warning of strict; the context known to be
 * attacker-controlled (titles, bodies, branch names) is {@link ScriptInjection}'s error.
 */
public final class ExpressionInScript implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/expression-in-script",
            "Non-constant expression expanded into a script", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    private static final Pattern INPUT = Pattern.compile("\\binputs\\.([A-Za-z_][\\w-]*)");
    private static final Pattern OUTPUT = Pattern.compile("\\b(steps|needs)\\.[\\w-]+\\.outputs\\b");
    private static final Pattern MATRIX = Pattern.compile("\\bmatrix\\.([A-Za-z_][\\w-]*)");
    private static final Set<String> SAFE_TYPES = Set.of("boolean", "number", "choice", "environment");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                YScalar run = s.run();
                for (String[] sink : ScriptInjection.CODE_INPUTS) {
                    if (run == null && s.usesAction(sink[0]) && s.withNode(sink[1]) instanceof YScalar sc) {
                        run = sc;
                    }
                }
                if (run == null) {
                    continue;
                }
                Set<String> seen = new java.util.HashSet<>();
                for (Gha.Expr e : Gha.expressions(ctx.text(), run)) {
                    if (!seen.add(e.inner())) {
                        continue; // one finding per value and script: the fix moves them all
                    }
                    if (Gha.untrusted(e.inner()) != null || ScriptInjection.taintedEnv(w, j, s, e.inner())) {
                        continue; // gha/script-injection's
                    }
                    String source = source(w, j, s, e.inner(), 0);
                    if (source != null) {
                        ctx.report(e.range(), "${{ " + e.inner() + " }} is pasted into the script before it runs and"
                                + " comes from " + source + ", which this file does not fix: a value with quotes or"
                                + " $(...) runs as code; pass it through an env: variable and use \"$VAR\"");
                    }
                }
            }
        }
    }

    /** What makes the expression non-constant, or null when it only reads values the workflow fixes. */
    static String source(Workflow w, Job j, Step s, String inner, int depth) {
        Matcher in = INPUT.matcher(inner);
        while (in.find()) {
            if (!typedInput(w, in.group(1))) {
                return w.composite() ? "the action's caller (inputs." + in.group(1) + ")"
                        : "whoever triggers or calls the workflow (inputs." + in.group(1) + ")";
            }
        }
        Matcher out = OUTPUT.matcher(inner);
        if (out.find()) {
            return out.group(1).equals("steps") ? "an earlier step's output" : "another job's output";
        }
        Matcher mx = MATRIX.matcher(inner);
        while (mx.find()) {
            if (dynamicMatrixKey(j, mx.group(1))) {
                return "a matrix value computed at run time (matrix." + mx.group(1) + ")";
            }
        }
        Matcher env = ScriptInjection.ENV_REF.matcher(inner.strip());
        if (depth == 0 && env.matches()) {
            for (YNode node : new YNode[] {s.get("env"), j.get("env"), w.root() == null ? null : w.root().get("env")}) {
                if (node instanceof YMap em && em.get(env.group(1)) != null) {
                    String v = em.get(env.group(1)).text();
                    if (v == null) {
                        return null;
                    }
                    for (Gha.Expr x : Gha.scan(v, 0, v.length())) {
                        if (source(w, j, s, x.inner(), 1) != null) {
                            return "env." + env.group(1) + ", set from " + source(w, j, s, x.inner(), 1);
                        }
                    }
                    return null;
                }
            }
        }
        return null;
    }

    /** An input declared with a type that cannot carry code (boolean, number, choice). */
    private static boolean typedInput(Workflow w, String name) {
        if (w.composite() || w.on() == null || !(w.on().value() instanceof YMap on)) {
            return false;
        }
        boolean declared = false;
        for (String event : new String[] {"workflow_dispatch", "workflow_call"}) {
            if (on.get(event) instanceof YMap ev && ev.get("inputs") instanceof YMap inputs
                    && inputs.get(name) instanceof YMap def) {
                declared = true;
                String type = def.getText("type");
                if (type == null || !SAFE_TYPES.contains(type.strip())) {
                    return false;
                }
            }
        }
        return declared;
    }

    /** The matrix is an expression, or some value of the key (in a dimension or an include) is one. */
    private static boolean dynamicMatrixKey(Job j, String key) {
        YNode matrix = j.map().at("strategy", "matrix");
        if (matrix instanceof YScalar sc) {
            return sc.value().contains("${{");
        }
        if (!(matrix instanceof YMap m)) {
            return false;
        }
        if (hasExpression(m.get(key))) {
            return true;
        }
        if (m.get("include") instanceof YSeq inc) {
            for (YNode item : inc.items()) {
                if (item instanceof YMap im && hasExpression(im.get(key))) {
                    return true;
                }
            }
        }
        return m.get("include") instanceof YScalar sc && sc.value().contains("${{");
    }

    private static boolean hasExpression(YNode n) {
        if (n instanceof YScalar sc) {
            return sc.value().contains("${{");
        }
        if (n instanceof YSeq seq) {
            return seq.items().stream().anyMatch(ExpressionInScript::hasExpression);
        }
        if (n instanceof YMap m) {
            return m.entries().stream().map(YEntry::value).anyMatch(ExpressionInScript::hasExpression);
        }
        return false;
    }
}
