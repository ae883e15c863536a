package io.archlens.model;

import io.archlens.secrets.UrlPasswords;
import io.archlens.secrets.SecretFingerprints;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.AppSpec;
import io.archlens.model.Facts.Prop;
import io.archlens.model.Facts.SecretUse;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringConfigParser;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Spring Boot configuration file's effective properties (the documents for every profile, then the
 * non-development profile documents overriding them), keyed by relaxed-binding canonical name.
 */
final class SpringExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.SPRING_PROPERTIES, FileKind.SPRING_YAML);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        SpringConfig cfg = model instanceof SpringConfig c ? c : SpringConfigParser.parse(file).model();
        Map<String, Prop> props = new LinkedHashMap<>();
        boolean devOnly = cfg.testScope() || (!cfg.documents().isEmpty()
                && cfg.documents().stream().allMatch(SpringDocument::devOnly));
        // documents for every profile first, then profile documents (which override them); dev-only documents
        // count only in a file that has nothing else
        for (boolean conditional : new boolean[] {false, true}) {
            for (SpringDocument d : cfg.documents()) {
                if ((d.activation() != null) != conditional || (d.devOnly() && !devOnly)) {
                    continue;
                }
                for (SpringProperty p : d.properties()) {
                    props.put(p.canonical(), new Prop(p.key(), p.value(), out.loc(p.keyRange()), out.loc(p.valueRange())));
                }
            }
        }
        for (Prop p : props.values()) {
            if (!p.value().contains("${")) {
                String fp = SecretFingerprints.of(p.key(), p.value());
                if (fp != null) {
                    out.secret(new SecretUse(fp, p.key(), p.valueLoc()));
                }
            }
            for (UrlPasswords.UrlPassword pw : UrlPasswords.find(p.value())) {
                String fp = SecretFingerprints.ofPassword(p.value().substring(pw.start(), pw.end()));
                TextRange vr = p.valueLoc().range();
                String raw = file.text().substring(vr.start(), Math.min(vr.end(), file.text().length()));
                if (fp != null && raw.equals(p.value())) {
                    out.secret(new SecretUse(fp, p.key() + " (URL password)", out.loc(
                            new TextRange(vr.start() + pw.start(), vr.start() + pw.end()))));
                }
            }
        }
        out.app(new AppSpec(cfg.fileProfile(), devOnly, props));
    }
}
