package io.archlens.rules.gha;

import io.archlens.core.TextRange;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared heuristics of the GitHub Actions rules: expressions, untrusted contexts, deploy and test jobs. */
final class Gha {
    private Gha() {
    }


    /** Contexts an outside contributor controls (titles, bodies, branch names, commit messages). */
    static final Pattern UNTRUSTED = Pattern.compile("github\\.head_ref\\b|github\\.event\\.(?:"
            + "(?:issue|pull_request|discussion)\\.(?:title|body)"
            + "|pull_request\\.head\\.(?:ref|label|repo\\.default_branch)"
            + "|(?:comment|review|review_comment)\\.body"
            + "|pages\\S*?\\.page_name"
            + "|commits\\S*?\\.(?:message|author\\.(?:email|name))"
            + "|head_commit\\.(?:message|author\\.(?:email|name))"
            + "|workflow_run\\.(?:head_branch|display_title|head_commit\\.(?:message|author\\.(?:email|name))"
            + "|pull_requests\\S*?\\.head\\.ref))\\b"
            + "|(?i:tojson)\\(\\s*github\\.event\\s*\\)");

    private static final String SEP = "(?:[\\s\\\\`]+)";
    /** Commands that upload a package to a registry (line continuations allowed between the words). */
    static final Pattern PUBLISH = Pattern.compile("(?:^|[\\s;&|(])(?:twine(?:==[\\w.]+)?" + SEP + "upload"
            + "|(?:npm|pnpm|bun|yarn" + SEP + "npm)" + SEP + "publish|cargo(?:" + SEP + "\\+\\S+)?" + SEP + "publish"
            + "|gem" + SEP + "push|(?:dotnet" + SEP + ")?nuget(?:\\.exe)?" + SEP + "push|uv" + SEP + "publish"
            + "|poetry" + SEP + "publish|hatch" + SEP + "publish)\\b");

    private static final Pattern DEPLOY_NAME = Pattern.compile(
            "(?i)(?:^|[^a-z])(deploy\\w*|release|publish|rollout|promote|prod|production)(?:[^a-z]|$)");
    private static final Pattern DEPLOY_COMMAND = Pattern.compile("(?i)\\b(?:kubectl\\s+(?:apply|set\\s+image|rollout)"
            + "|helm\\s+(?:upgrade|install)|terraform\\s+apply|aws\\s+ecs\\s+(?:update-service|deploy)"
            + "|aws\\s+lambda\\s+update-function-code|gcloud\\s+(?:run|app|functions)\\s+deploy"
            + "|az\\s+(?:webapp|functionapp|containerapp)\\s+(?:deploy|up|update)"
            + "|(?:serverless|sls|cdk|flyctl|fly|wrangler)\\s+deploy|vercel\\s+--prod|pulumi\\s+up|ansible-playbook)");
    private static final String[] DEPLOY_ACTIONS = {"aws-actions/amazon-ecs-deploy-task-definition",
        "azure/webapps-deploy", "azure/k8s-deploy", "azure/functions-action", "google-github-actions/deploy-cloudrun",
        "google-github-actions/deploy-appengine", "superfly/flyctl-actions", "cloudflare/wrangler-action",
        "amondnet/vercel-action"};
    private static final Pattern TEST_LIKE = Pattern.compile("(?i)(?:\\b|_)(?:tests?|testing|lint\\w*|checks?|verify"
            + "|specs?|pytest|jest|vitest|mocha|rspec|phpunit|tox|cypress|playwright|e2e|sonar\\w*"
            + "|audit|scan|codeql|trivy|snyk|mvn\\b[^\\n]*\\b(?:verify|test)|gradlew?\\b[^\\n]*\\b(?:test|check)"
            + "|go\\s+test|cargo\\s+test)(?:\\b|_)");

    /** One {@code ${{ ... }}} occurrence in a scalar's source text. */
    record Expr(String inner, TextRange range) {
    }

    /** The expressions written in a scalar, with their exact source ranges. */
    static List<Expr> expressions(String text, YScalar s) {
        List<Expr> out = new ArrayList<>();
        if (s == null || s.range().end() > text.length()) {
            return out;
        }
        return scan(text, s.range().start(), s.range().end());
    }

    /**
     * Every {@code ${{ ... }}} between {@code from} and {@code to}, in one pass (a lazy regex over the text rescans
     * to the end for each unclosed {@code ${{}: quadratic on a hostile file).
     */
    static List<Expr> scan(String text, int from, int to) {
        List<Expr> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int open = text.indexOf("${{", i);
            if (open < 0 || open >= to) {
                break;
            }
            int close = text.indexOf("}}", open + 3);
            if (close < 0 || close + 2 > to) {
                break; // no later expression can close either
            }
            out.add(new Expr(text.substring(open + 3, close).strip(), new TextRange(open, close + 2)));
            i = close + 2;
        }
        return out;
    }

    /** The first match of {@code p} in the scalar's source text, or null. */
    static TextRange find(String text, YScalar s, Pattern p) {
        if (s == null || s.range().end() > text.length()) {
            return null;
        }
        Matcher m = p.matcher(text).region(s.range().start(), s.range().end());
        return m.find() ? new TextRange(m.start(), m.end()) : null;
    }

    /** Every match of {@code p} in the scalar's source text. */
    static List<TextRange> findAll(String text, YScalar s, Pattern p) {
        List<TextRange> out = new ArrayList<>();
        if (s == null || s.range().end() > text.length()) {
            return out;
        }
        Matcher m = p.matcher(text).region(s.range().start(), s.range().end());
        while (m.find()) {
            out.add(new TextRange(m.start(), m.end()));
        }
        return out;
    }

    /** The untrusted context named in an expression, or null. */
    static String untrusted(String expression) {
        Matcher m = UNTRUSTED.matcher(expression);
        return m.find() ? m.group() : null;
    }

    /** Pull-request events: a workflow run only by these does not deploy (an environment there gates secrets). */
    private static final java.util.Set<String> PR_EVENTS = java.util.Set.of("pull_request", "pull_request_target",
            "pull_request_review", "pull_request_review_comment");

    /** {@link #deployLike(Job)}, except that an environment alone does not count in pull-request-only workflows. */
    static boolean deployLike(Workflow w, Job job) {
        boolean prOnly = !w.triggers().isEmpty() && PR_EVENTS.containsAll(w.triggers());
        if (!prOnly || job.get("environment") == null) {
            return deployLike(job);
        }
        YMap withoutEnv = new YMap(job.map().entries().stream().filter(e -> !"environment".equals(e.keyText()))
                .toList(), job.map().flow(), job.map().tag(), job.map().range());
        return deployLike(new Job(job.id(), job.entry(), withoutEnv, job.steps()));
    }

    static boolean deployLike(Job job) {
        if (DEPLOY_NAME.matcher(job.id()).find() || job.text("name") != null
                && DEPLOY_NAME.matcher(job.text("name")).find()) {
            return true;
        }
        YNode env = job.get("environment");
        for (Step s : job.steps()) {
            YScalar run = s.run();
            if (run != null && DEPLOY_COMMAND.matcher(run.value()).find()) {
                return true;
            }
            for (String a : DEPLOY_ACTIONS) {
                if (s.usesAction(a)) {
                    return true;
                }
            }
        }
        return env != null;
    }

    static boolean testLike(String s) {
        return s != null && TEST_LIKE.matcher(s).find();
    }

    /** True when {@code runs-on} names a self-hosted runner; returns the scalar naming it (or null). */
    static YScalar selfHosted(Job job) {
        YNode r = job.get("runs-on");
        List<YNode> labels = new ArrayList<>();
        if (r instanceof YScalar s) {
            labels.add(s);
        } else if (r instanceof YSeq seq) {
            labels.addAll(seq.items());
        } else if (r instanceof YMap m) {
            if (m.get("labels") instanceof YSeq seq) {
                labels.addAll(seq.items());
            } else if (m.get("labels") != null) {
                labels.add(m.get("labels"));
            }
            if (m.get("group") instanceof YScalar g) {
                return g; // runner groups are self-hosted (or larger runners the org pays for)
            }
        }
        for (YNode n : labels) {
            if (n instanceof YScalar s && s.value().toLowerCase(Locale.ROOT).contains("self-hosted")) {
                return s;
            }
        }
        return null;
    }

    /** The shell a run step uses: the step's, the job's or workflow's default, else the runner OS default. */
    static String shell(Workflow w, Job job, Step step) {
        String s = step.text("shell");
        if (s == null) {
            YNode d = job.map().at("defaults", "run", "shell");
            s = d == null ? null : d.text();
        }
        if (s == null && w.root() != null) {
            YNode d = w.root().at("defaults", "run", "shell");
            s = d == null ? null : d.text();
        }
        if (s == null) {
            YNode r = job.get("runs-on");
            String os = r == null ? "" : String.valueOf(r.text());
            return os.toLowerCase(Locale.ROOT).contains("windows") ? "pwsh" : "bash";
        }
        String l = s.toLowerCase(Locale.ROOT).strip();
        if (l.startsWith("bash") || l.startsWith("sh")) {
            return "bash";
        }
        if (l.startsWith("pwsh") || l.startsWith("powershell")) {
            return "pwsh";
        }
        return l;
    }

    /** The {@code on:} node naming {@code event} (its key, list item or scalar), or null. */
    static YNode trigger(Workflow w, String event) {
        if (w.on() == null || !w.triggeredBy(event)) {
            return null;
        }
        YNode v = w.on().value();
        if (v instanceof YMap m && m.entry(event) != null) {
            return m.entry(event).key();
        }
        if (v instanceof YSeq s) {
            for (YNode n : s.items()) {
                if (event.equals(n.text())) {
                    return n;
                }
            }
        }
        return v instanceof YScalar ? v : w.on().key();
    }

    /** The {@code env:} maps of the workflow, its jobs and their steps. */
    static List<YMap> envMaps(Workflow w) {
        List<YMap> out = new ArrayList<>();
        if (w.root() != null && w.root().get("env") instanceof YMap m) {
            out.add(m);
        }
        for (Job j : w.jobs()) {
            if (j.get("env") instanceof YMap m) {
                out.add(m);
            }
            for (Step s : j.steps()) {
                if (s.get("env") instanceof YMap m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Every {@code ${{ }}} of the file outside comment lines. */
    static List<Expr> fileExpressions(String text) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : scan(text, 0, text.length())) {
            int start = e.range().start();
            int ls = text.lastIndexOf('\n', start) + 1;
            int hash = text.indexOf('#', ls);
            if (hash >= 0 && hash < start && text.substring(ls, hash).isBlank()) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** The {@code if:} conditions of the jobs and their steps. */
    static List<YNode> conditions(Workflow w) {
        List<YNode> out = new ArrayList<>();
        for (Job j : w.jobs()) {
            if (j.get("if") != null) {
                out.add(j.get("if"));
            }
            for (Step s : j.steps()) {
                if (s.get("if") != null) {
                    out.add(s.get("if"));
                }
            }
        }
        return out;
    }

    /** A job's container and service containers, with a label for messages. */
    record Container(YNode node, String label, Job job) {
    }

    static List<Container> containers(Workflow w) {
        List<Container> out = new ArrayList<>();
        for (Job j : w.jobs()) {
            if (j.get("container") != null) {
                out.add(new Container(j.get("container"), "job " + j.id(), j));
            }
            if (j.get("services") instanceof YMap services) {
                for (io.archlens.syntax.yaml.YEntry s : services.entries()) {
                    out.add(new Container(s.value(), "service " + s.keyText() + " of job " + j.id(), j));
                }
            }
        }
        return out;
    }

    /** Every {@code uses:} of the file: jobs calling reusable workflows and steps, in source order. */
    static List<YScalar> uses(Workflow w) {
        List<YScalar> out = new ArrayList<>();
        for (Job j : w.jobs()) {
            if (j.get("uses") instanceof YScalar s) {
                out.add(s);
            }
            for (Step st : j.steps()) {
                if (st.uses() != null) {
                    out.add(st.uses());
                }
            }
        }
        return out;
    }

    /** The lower-case {@code owner/repo} of a {@code uses:} value, or null for local, docker and invalid ones. */
    static String ownerRepo(String uses) {
        String v = uses.strip();
        int at = v.lastIndexOf('@');
        if (at < 0 || v.startsWith("./") || v.startsWith("docker://") || v.contains("${{")) {
            return null;
        }
        String[] parts = v.substring(0, at).split("/");
        return parts.length < 2 ? null : (parts[0] + "/" + parts[1]).toLowerCase(Locale.ROOT);
    }

    /** A step whose {@code if:} is the literal false: it never runs. */
    static boolean neverRuns(Step s) {
        String c = s.text("if");
        if (c == null) {
            return false;
        }
        String v = c.strip();
        if (v.startsWith("${{") && v.endsWith("}}")) {
            v = v.substring(3, v.length() - 2).strip();
        }
        return v.equals("false");
    }

    /** The scalar's range, or for a block scalar ({@code |}, {@code >}) the range of its text, not its indicator. */
    static TextRange valueRange(String text, YScalar s) {
        int a = s.range().start();
        int b = Math.min(s.range().end(), text.length());
        if (a >= b || text.charAt(a) != '|' && text.charAt(a) != '>') {
            return s.range();
        }
        int nl = text.indexOf('\n', a);
        if (nl < 0 || nl >= b) {
            return s.range();
        }
        int start = nl + 1;
        while (start < b && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = b;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new TextRange(start, end) : s.range();
    }
}
