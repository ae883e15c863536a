package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.model.SourceFacts.ApiOp;
import io.archlens.model.SourceFacts.ApiSpec;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.OpenApiParser;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An OpenAPI document's operations (method, path) and the path prefixes and hosts of its server URLs. */
final class ApiExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.OPENAPI);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        OpenApiDoc doc = model instanceof OpenApiDoc d ? d : OpenApiParser.parse(file).model();
        if (doc == null || doc.root() == null) {
            return;
        }
        List<ApiOp> ops = new ArrayList<>();
        for (Operation op : doc.operations()) {
            ops.add(new ApiOp(op.method().toUpperCase(Locale.ROOT), op.path(), out.loc(op.methodRange())));
        }
        List<String> prefixes = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        if (doc.swagger2()) {
            String base = doc.root().getText("basePath");
            prefixes.add(base == null ? "" : trim(base));
            String host = doc.root().getText("host");
            if (host != null) {
                hosts.add(host.split(":")[0].toLowerCase(Locale.ROOT));
            }
        } else if (doc.root().get("servers") instanceof YSeq servers) {
            for (YNode s : servers.items()) {
                if (s instanceof YMap m && m.get("url") instanceof YScalar u && u.value() != null) {
                    server(u.value(), prefixes, hosts);
                }
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add("");
        }
        String title = doc.root().get("info") instanceof YMap info ? info.getText("title") : null;
        out.api(new ApiSpec(title, ops, prefixes, hosts));
    }

    private static void server(String url, List<String> prefixes, List<String> hosts) {
        String u = url.strip();
        if (u.contains("{")) {
            u = u.replaceAll("\\{[^}]*}", "x");
        }
        try {
            URI uri = URI.create(u);
            if (uri.getHost() != null) {
                hosts.add(uri.getHost().toLowerCase(Locale.ROOT));
            }
            prefixes.add(trim(uri.getPath() == null ? "" : uri.getPath()));
        } catch (IllegalArgumentException e) {
            prefixes.add(trim(u.startsWith("/") ? u : ""));
        }
    }

    private static String trim(String p) {
        String s = p.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
