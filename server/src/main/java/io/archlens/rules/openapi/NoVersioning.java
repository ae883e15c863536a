package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import java.util.regex.Pattern;

/** No versioning strategy visible: no version in servers/basePath/paths, no version header or media type. */
public final class NoVersioning implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/no-versioning",
            "API has no visible versioning strategy", Severity.INFO, Category.MAINTAINABILITY, FileKind.OPENAPI);

    private static final Pattern URL_VERSION = Pattern.compile("(?i)/v\\d+(\\.\\d+)?(/|$)|/api/\\d+(/|$)");
    private static final Pattern VERSION_HEADER = Pattern.compile("(?i)(x-)?(api-?)?version|accept-version");
    private static final Pattern STATUS = Pattern.compile("\\d{3}|\\dXX|default");
    private static final Pattern MEDIA_VERSION = Pattern.compile("(?i)version=|\\.v\\d+\\+|vnd\\.[^;]*v\\d");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        YMap root = doc.root();
        YEntry paths = root == null ? null : root.entry("paths");
        if (paths == null || doc.operations().isEmpty()) {
            return;
        }
        if (root.get("servers") instanceof io.archlens.syntax.yaml.YSeq servers) {
            for (YNode s : servers.items()) {
                if (s instanceof YMap m && m.getText("url") != null && URL_VERSION.matcher(m.getText("url")).find()) {
                    return;
                }
            }
        }
        if (root.getText("basePath") != null && URL_VERSION.matcher(root.getText("basePath")).find()) {
            return;
        }
        for (Operation op : doc.operations()) {
            if (URL_VERSION.matcher(op.path()).find()) {
                return;
            }
            for (YMap p : doc.parameters(op)) {
                if ("header".equals(p.getText("in")) && p.getText("name") != null
                        && VERSION_HEADER.matcher(p.getText("name")).matches()) {
                    return;
                }
            }
            if (mediaVersioned(doc, op.map().get("requestBody")) || mediaVersioned(doc, op.map().get("responses"))) {
                return;
            }
        }
        ctx.report(paths.key().range(), "No versioning strategy is visible (no /v1 in servers or paths, no version"
                + " header or versioned media type): the first breaking change will break every client at once;"
                + " pick one scheme and put it in the contract");
    }

    private static boolean mediaVersioned(OpenApiDoc doc, YNode n) {
        if (n == null) {
            return false;
        }
        java.util.List<YNode> stack = new java.util.ArrayList<>();
        stack.add(n);
        int budget = 200;
        while (!stack.isEmpty() && budget-- > 0) {
            YNode cur = doc.deref(stack.remove(stack.size() - 1));
            if (cur instanceof YMap m) {
                for (YEntry e : m.entries()) {
                    if (e.keyText() != null && e.keyText().contains("/") && MEDIA_VERSION.matcher(e.keyText()).find()) {
                        return true;
                    }
                    if ("content".equals(e.keyText()) || e.keyText() != null && STATUS.matcher(e.keyText()).matches()) {
                        stack.add(e.value());
                    }
                }
            }
        }
        return false;
    }
}
