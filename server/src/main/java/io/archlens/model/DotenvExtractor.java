package io.archlens.model;

import io.archlens.secrets.SecretFingerprints;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.EnvFile;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.SecretUse;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import io.archlens.syntax.dotenv.DotenvParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The variables a .env file sets (for Compose interpolation) and its secret values' fingerprints. */
final class DotenvExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.DOTENV);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        DotenvFile env = model instanceof DotenvFile d ? d : DotenvParser.parse(file).model();
        Map<String, EnvVar> vars = new LinkedHashMap<>();
        for (DotenvEntry e : env.entries()) {
            if (e.key() == null || e.key().isEmpty()) {
                continue;
            }
            Loc valueLoc = out.loc(e.contentRange() != null ? e.contentRange() : e.keyRange());
            vars.put(e.key(), new EnvVar(e.key(), e.value(), out.loc(e.keyRange()), valueLoc));
            // a sample (.env.example, env-example-relational, example.env) documents keys: its values are no secret use
            if (!Paths.name(file.path()).matches("(?i)(.*[._-])?(example|sample|template|dist|tpl)([._-].*)?")) {
                String fp = SecretFingerprints.of(e.key(), e.value());
                if (fp != null) {
                    out.secret(new SecretUse(fp, e.key(), valueLoc));
                }
            }
        }
        out.env(new EnvFile(vars));
    }
}
