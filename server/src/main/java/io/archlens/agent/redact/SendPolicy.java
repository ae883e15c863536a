package io.archlens.agent.redact;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files that are never sent to a provider, whatever the settings: dotenv files ({@code .env}, {@code .env.*})
 * and key material ({@code *.pem}, {@code *.key} and other key stores). Their content is secret by purpose,
 * so redaction is not trusted to catch all of it.
 */
public final class SendPolicy {
    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "(?i).*\\.(pem|key|p12|pfx|jks|keystore|kdbx|der|asc|gpg)|id_(rsa|dsa|ecdsa|ed25519)|\\.netrc|\\.pgpass|credentials");

    private SendPolicy() {
    }

    /** Why this file must not be sent, or empty when it may be sent (after redaction). */
    public static Optional<String> refusal(SourceFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (file.kind() == FileKind.DOTENV || name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
            return Optional.of(file.name() + " is a dotenv file; dotenv files are never sent to the agent");
        }
        if (KEY_MATERIAL.matcher(name).matches()) {
            return Optional.of(file.name() + " holds key material; such files are never sent to the agent");
        }
        return Optional.empty();
    }
}
