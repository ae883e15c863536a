package io.archlens.agent.redact;

import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretFinder;
import io.archlens.secrets.SecretSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces secrets with numbered placeholders ({@code <REDACTED-1>}, ...) before a file leaves the machine.
 * What counts as a secret is decided by the program's one detector, {@link SecretFinder} (token shapes, URL and
 * command-line passwords, SQL passwords, HTTP credentials, values of secret-named keys, Kubernetes Secret data,
 * Terraform secret variable defaults). Values that only reference a secret (<code>${DB_PASSWORD}</code>) are
 * kept, since they are not secrets and tell the reviewer the file is doing the right thing.
 */
public final class Redactor {
    public static final String PLACEHOLDER_PREFIX = "<REDACTED-";

    private Redactor() {
    }

    public static Redacted redact(SourceFile file) {
        String text = file.text();
        List<SecretSpan> spans = SecretFinder.find(file);
        if (spans.isEmpty()) {
            return Redacted.none(text);
        }
        StringBuilder sb = new StringBuilder(text.length());
        List<Redaction> out = new ArrayList<>();
        int pos = 0;
        int n = 0;
        for (SecretSpan s : spans) {
            sb.append(text, pos, s.start());
            String ph = PLACEHOLDER_PREFIX + (++n) + ">";
            int at = sb.length();
            sb.append(ph);
            out.add(new Redaction(n, s.type().id(), new TextRange(s.start(), s.end()), new TextRange(at, sb.length()), ph));
            pos = s.end();
        }
        sb.append(text, pos, text.length());
        return new Redacted(text, sb.toString(), out);
    }
}
