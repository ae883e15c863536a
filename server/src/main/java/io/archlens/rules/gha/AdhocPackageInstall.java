package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gem install rake}, {@code npm install lodash}, {@code yarn add x} in a {@code run:} script: a package named
 * on the command line is resolved afresh on every run, outside the lock file, so a new (or hijacked) release
 * runs in CI the moment it is published. Installing from the project's lock file ({@code npm ci},
 * {@code bundle install}, a bare {@code npm install}) is not reported.
 */
public final class AdhocPackageInstall implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/adhoc-package-install",
            "Package installed outside the lock file", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    /** The install command and its arguments up to the end of the shell command. */
    private static final Pattern INSTALL = Pattern.compile("(?m)(?:^|[;&|(]|\\bsudo)[ \\t]*"
            + "((?:gem[ \\t]+(?:install|i)|npm[ \\t]+(?:install|i|add)|(?:yarn|pnpm)[ \\t]+add)\\b([^;&|#\\n]*))");

    /** An exact version: pkg@1.2.3, pkg:1.2.3 (gem), or one given by a variable or expression. */
    private static final Pattern PINNED = Pattern.compile("[@:](?:\\d+\\.\\d+\\.\\d+[\\w.-]*|\\$\\S+)$");
    private static final Pattern VERSION_FLAG = Pattern.compile("(?:^|\\s)(?:-v|--version)\\s+\\d+\\.\\d+\\.\\d+");
    private static final Pattern EXPR = Pattern.compile("\\$\\{\\{.*?}}");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                YScalar run = s.run();
                if (run == null || run.range().end() > ctx.text().length() || Gha.neverRuns(s)) {
                    continue;
                }
                Matcher m = INSTALL.matcher(ctx.text()).region(run.range().start(), run.range().end());
                while (m.find()) {
                    String pkg = firstPackage(m.group(2));
                    if (pkg == null) {
                        continue;
                    }
                    int end = m.end(1);
                    while (end > m.start(1) && Character.isWhitespace(ctx.text().charAt(end - 1))) {
                        end--;
                    }
                    boolean pinned = PINNED.matcher(pkg).find() || VERSION_FLAG.matcher(m.group(2)).find();
                    ctx.report(new TextRange(m.start(1), end), pinned
                            ? "'" + pkg + "' is pinned, but its dependencies are resolved from the registry on every"
                                    + " run, outside any lock file, so a new or hijacked release of one of them runs"
                                    + " here as soon as it is published; declare it in the project's manifest and"
                                    + " install from the lock file"
                            : "'" + pkg + "' is resolved from the registry on every run, outside any lock file, so a"
                                    + " new or hijacked release runs here as soon as it is published; declare it in"
                                    + " the project's manifest and install from the lock file");
                }
            }
        }
    }

    /** The first argument that names a package (not a flag, not a flag's value, not an expression), or null. */
    static String firstPackage(String args) {
        Matcher ex = EXPR.matcher(args);
        StringBuilder sb = new StringBuilder();
        while (ex.find()) {
            ex.appendReplacement(sb, Matcher.quoteReplacement(ex.group().replaceAll("\\s+", "")));
        }
        ex.appendTail(sb);
        String[] words = sb.toString().strip().split("\\s+");
        boolean skipValue = false;
        for (String a : words) {
            if (a.isEmpty() || a.startsWith("$") || a.startsWith("\\")) { // a variable: the list is not known here
                continue;
            }
            if (skipValue) {
                skipValue = false;
                continue;
            }
            if (a.startsWith("-")) {
                skipValue = a.matches("-[vs]|--version|--source|--prefix|-C|--registry|--install-dir|-i|-n");
                continue;
            }
            if (a.startsWith(".") || a.startsWith("/") || a.endsWith(".gem") || a.endsWith(".tgz")) {
                return null; // a local path or a built artifact
            }
            return a;
        }
        return null;
    }
}
