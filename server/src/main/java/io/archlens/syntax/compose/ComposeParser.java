package io.archlens.syntax.compose;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;

/** Builds the Compose model over the YAML model. Never throws; a file without services gets a hint. */
public final class ComposeParser {
    private ComposeParser() {
    }

    public static Parsed<ComposeFile> parse(SourceFile file) {
        Parsed<YamlFile> yaml = YamlParser.parse(file);
        List<ParseIssue> issues = new ArrayList<>(yaml.issues());
        YamlFile y = yaml.model();
        YMap root = null;
        for (YamlDocument d : y.documents()) {
            if (d.root() instanceof YMap m) {
                root = m;
                break;
            }
        }
        List<ComposeService> services = new ArrayList<>();
        YEntry version = null;
        YMap volumes = null;
        YMap networks = null;
        YMap secrets = null;
        if (root != null) {
            version = root.entry("version");
            volumes = root.get("volumes") instanceof YMap m ? m : null;
            networks = root.get("networks") instanceof YMap m ? m : null;
            secrets = root.get("secrets") instanceof YMap m ? m : null;
            YEntry se = root.entry("services");
            if (se != null && se.value() instanceof YMap sm) {
                for (YEntry e : sm.entries()) {
                    if (e.keyText() != null && !e.keyText().startsWith("x-") && e.value() instanceof YMap m) {
                        services.add(new ComposeService(e.keyText(), e, m));
                    }
                }
            } else if (se != null && y.complete() && !(se.value() instanceof YScalar sc && sc.isNull())) {
                YNode at = se.key();
                issues.add(ParseIssue.notAnalyzed(at.range(),
                        "'services' is not a mapping of service names, so this is not analysed as a Compose file"));
            }
        }
        boolean content = y.documents().stream().anyMatch(d -> d.root() != null);
        if (root == null && y.complete() && content) {
            issues.add(ParseIssue.notAnalyzed(new TextRange(0, Math.min(file.text().length(),
                    file.lines().lineEnd(0))), "No top-level mapping: not analysed as a Compose file"));
        }
        return new Parsed<>(new ComposeFile(y, root, resolveExtends(services), version, volumes, networks, secrets,
                YamlEdits.of(file, y)), issues);
    }

    /** Links each service to the one it extends in this file; marks those whose base is elsewhere. */
    static List<ComposeService> resolveExtends(List<ComposeService> plain) {
        java.util.Map<String, ComposeService> byName = new java.util.HashMap<>();
        for (ComposeService s : plain) {
            byName.putIfAbsent(s.name(), s);
        }
        java.util.Map<String, ComposeService> done = new java.util.HashMap<>();
        List<ComposeService> out = new ArrayList<>(plain.size());
        for (ComposeService s : plain) {
            out.add(resolve(s, byName, done, new java.util.HashSet<>()));
        }
        return out;
    }

    private static ComposeService resolve(ComposeService s, java.util.Map<String, ComposeService> byName,
            java.util.Map<String, ComposeService> done, java.util.Set<String> visiting) {
        ComposeService.Extends x = s.extendsRef();
        if (x == null) {
            return s;
        }
        ComposeService hit = done.get(s.name());
        if (hit != null && hit.entry() == s.entry()) {
            return hit;
        }
        ComposeService r;
        ComposeService target = x.file() == null && x.service() != null ? byName.get(x.service()) : null;
        if (target == null || target == s || !visiting.add(s.name())) {
            // another file, an unknown name, or a cycle: this service is only partly visible here
            r = new ComposeService(s.name(), s.entry(), s.map(), null, true, false);
        } else {
            ComposeService base = resolve(target, byName, done, visiting);
            r = new ComposeService(s.name(), s.entry(), s.map(), base, base.partial(), false);
        }
        done.put(s.name(), r);
        return r;
    }
}
