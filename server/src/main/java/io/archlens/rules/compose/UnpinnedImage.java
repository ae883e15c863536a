package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.yaml.YScalar;
import java.util.HashSet;
import java.util.Set;

/** {@code image: postgres} or {@code image: redis:latest}: every pull may bring a different version. */
public final class UnpinnedImage implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/unpinned-image", "Image is not pinned to a version",
            Severity.WARNING, Category.RELIABILITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            if (!(s.value("image") instanceof YScalar v) || v.value().isBlank()) {
                continue;
            }
            ImageRef img = ImageRef.parse(v.value());
            if (img.templated() || !img.mutable() || !seen.add(v.range())) {
                continue;
            }
            String why = img.untagged() ? "has no tag, so Compose pulls ':latest'" : "uses the moving ':latest' tag";
            ctx.report(v.range(), "Image '" + v.value().strip() + "' of service '" + s.name() + "' " + why
                    + ": pin a version tag (e.g. " + img.repository() + ":1.2.3) or a digest so every host runs the same build");
        }
    }
}
