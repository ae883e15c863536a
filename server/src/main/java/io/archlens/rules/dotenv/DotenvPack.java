package io.archlens.rules.dotenv;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvFile;
import io.archlens.syntax.dotenv.DotenvParser;
import java.util.List;

/** .env files: syntax, key hygiene, committed secrets and debug flags. */
public final class DotenvPack implements RulePack<DotenvFile> {
    private static final List<Rule<DotenvFile>> RULES = List.of(
            new MissingEqualsRule(),
            new SpacesAroundEqualsRule(),
            new UnbalancedQuotesRule(),
            new InvalidKeyRule(),
            new DuplicateKeyRule(),
            new LowercaseKeyRule(),
            new HardcodedSecretRule(),
            new SecretValueRule(),
            new HighEntropyValueRule(),
            new UrlCredentialsRule(),
            new DebugEnabledRule(),
            new ExampleHasSecretRule());

    @Override
    public FileKind kind() {
        return FileKind.DOTENV;
    }

    @Override
    public Parser<DotenvFile> parser() {
        return DotenvParser::parse;
    }

    @Override
    public List<Rule<DotenvFile>> rules() {
        return RULES;
    }
}
