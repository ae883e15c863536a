package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Category;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import org.junit.jupiter.api.Test;

class SourceExcerptTest {
    private static SourceExcerpt excerpt(String text, String rule, String covered) {
        int at = text.indexOf(covered);
        Finding f = new Finding(rule, Severity.WARNING, Category.SECURITY, new TextRange(at, at + covered.length()),
                "m", null, null, null, null, null, null);
        return SourceExcerpt.of(LineIndex.of(text), f);
    }

    @Test
    void whatTheSecretDetectorFindsIsMaskedWhateverTheRule() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        SourceExcerpt x = excerpt("ENV GITHUB_TOKEN=" + token + " PORT=80\n", "docker/latest-tag", "PORT=80");
        assertFalse(x.text().contains(token), x.text());
        assertTrue(x.text().contains("PORT=80"), "the rest of the line stays readable");
    }

    @Test
    void aValueFindingOnALineOfItsOwnIsMaskedButRulesThatOnlyTalkAboutSecretsAreNot() {
        SourceExcerpt value = excerpt("password:\n  hunter2-Prod\n", "spring/literal-secret", "hunter2-Prod");
        assertEquals("  ************", value.text());
        SourceExcerpt tokens = excerpt("server_tokens on;\n", "nginx/server-tokens-on", "server_tokens on");
        assertEquals("server_tokens on;", tokens.text());
        SourceExcerpt checkout = excerpt("      - uses: actions/checkout@v4\n", "gha/checkout-persist-credentials",
                "actions/checkout@v4");
        assertTrue(checkout.text().contains("actions/checkout@v4"), checkout.text());
    }
}
