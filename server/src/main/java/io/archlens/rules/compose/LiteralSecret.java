package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.UrlPasswords;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Set;

/** A password, token or key written as a literal in {@code environment}, or inside a connection URL. */
public final class LiteralSecret implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/literal-secret", "Secret written as a literal in environment",
            Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        String text = ctx.text();
        for (ComposeService s : f.services()) {
            YNode env = s.value("environment");
            if (env instanceof YMap m) {
                for (YEntry e : m.entries()) {
                    if (e.keyText() != null && e.value() instanceof YScalar v && !v.isNull()) {
                        int start = v.range().start() + (v.plain() ? 0 : 1);
                        int end = Math.max(start, v.range().end() - (v.plain() ? 0 : 1));
                        check(e.keyText(), v.value(), text, start, end, s, seen, ctx);
                    }
                }
            } else if (env instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    if (!(item instanceof YScalar v)) {
                        continue;
                    }
                    int eq = v.value().indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String raw = text.substring(v.range().start(), v.range().end());
                    int rawEq = raw.indexOf('=');
                    if (rawEq < 0) {
                        continue;
                    }
                    int start = v.range().start() + rawEq + 1;
                    int end = Math.max(start, v.range().end() - (v.plain() ? 0 : 1));
                    check(v.value().substring(0, eq).strip(), v.value().substring(eq + 1), text, start, end, s, seen, ctx);
                }
            }
        }
    }

    private static void check(String name, String value, String text, int start, int end, ComposeService s,
            Set<TextRange> seen, RuleContext ctx) {
        if (SecretKeys.isSecretKey(name) && SecretValues.isLiteral(value)) {
            TextRange r = new TextRange(start, end);
            if (seen.add(r)) {
                ctx.report(r, "Secret " + name + " of service '" + s.name() + "' is written in the Compose file: "
                        + "anyone with the repository has it; use a Compose secret (secrets: and " + name
                        + "_FILE) or ${" + name + "} from an untracked .env file");
            }
            return;
        }
        UrlPasswords.UrlPassword pw = UrlPasswords.firstLiteral(value);
        if (pw == null) {
            return;
        }
        String raw = text.substring(start, end);
        String password = value.substring(pw.start(), pw.end());
        int at = raw.indexOf(password);
        TextRange r = at < 0 ? new TextRange(start, end) : new TextRange(start + at, start + at + password.length());
        if (seen.add(r)) {
            ctx.report(r, "The connection URL in " + name + " of service '" + s.name() + "' contains a literal "
                    + "password: move it to a secret or ${VARIABLE} kept out of version control");
        }
    }
}
