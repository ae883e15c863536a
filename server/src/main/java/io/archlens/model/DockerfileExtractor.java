package io.archlens.model;

import io.archlens.secrets.SecretFingerprints;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.Facts.Port;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The image a Dockerfile builds: the final stage's EXPOSEd ports (inherited ones included), HEALTHCHECK, base. */
final class DockerfileExtractor implements FactExtractor {
    private static final DockerfileParser PARSER = new DockerfileParser();

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.DOCKERFILE);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        Dockerfile df = model instanceof Dockerfile d ? d : PARSER.parse(file).model();
        Stage fin = df.finalStage();
        if (fin == null) {
            return;
        }
        List<Port> exposes = new ArrayList<>();
        List<Stage> chain = new ArrayList<>(fin.chain());
        java.util.Collections.reverse(chain);
        for (Stage s : chain) {
            for (Instruction i : s.all("EXPOSE")) {
                for (Word w : i.words()) {
                    String t = w.text();
                    int slash = t.indexOf('/');
                    String num = slash >= 0 ? t.substring(0, slash) : t;
                    Integer p = ComposeExtractor.firstPort(num);
                    if (p != null) {
                        exposes.add(new Port(p, slash >= 0 ? t.substring(slash + 1) : null, null,
                                out.loc(numberRange(file, w, num))));
                    }
                }
            }
        }
        java.util.Map<String, io.archlens.model.Loc> env = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Stage s : chain) {
            for (Instruction i : s.all("ENV")) {
                for (io.archlens.syntax.dockerfile.KeyValue kv : i.keyValues()) {
                    env.putIfAbsent(kv.key(), out.loc(i.keywordRange()));
                    if (kv.hasValue() && !kv.value().contains("$")) {
                        values.put(kv.key(), kv.value()); // chain runs root to final: a later stage's ENV wins
                    }
                    if (kv.hasValue()) {
                        String fp = SecretFingerprints.of(kv.key(), kv.value());
                        if (fp != null) {
                            out.secret(new Facts.SecretUse(fp, kv.key(), out.loc(kv.valueRange())));
                        }
                    }
                }
            }
        }
        Instruction hc = fin.lastInherited("HEALTHCHECK");
        ImageRef base = fin.rootImage();
        out.image(new ImageSpec(Paths.parent(file.path()), base == null ? null : base.display(),
                base == null ? out.loc(fin.from().keywordRange()) : out.loc(base.range()), exposes,
                hc != null && !hc.isHealthcheckNone(), hc == null ? null : out.loc(hc.keywordRange()), env,
                command(fin, out), copied(withBuilders(df, chain)), values, writesEnvFile(chain)));
    }

    /**
     * The final image's stages and the builder stages it copies from ({@code COPY --from=builder}), each with the
     * stages it is built on: the context's files reach the image through all of them.
     */
    static List<Stage> withBuilders(Dockerfile df, List<Stage> chain) {
        java.util.LinkedHashSet<Stage> seen = new java.util.LinkedHashSet<>(chain);
        java.util.ArrayDeque<Stage> todo = new java.util.ArrayDeque<>(chain);
        while (!todo.isEmpty()) {
            Stage s = todo.poll();
            for (String kw : new String[] {"COPY", "ADD"}) {
                for (Instruction i : s.all(kw)) {
                    io.archlens.syntax.dockerfile.Flag from = i.flag("from");
                    Stage b = from == null || from.value() == null ? null : stage(df, from.value());
                    if (b != null) {
                        for (Stage c : b.chain()) {
                            if (seen.add(c)) {
                                todo.add(c);
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static Stage stage(Dockerfile df, String ref) {
        for (Stage s : df.stages()) {
            if (ref.equalsIgnoreCase(s.name()) || ref.equals(String.valueOf(s.index()))) {
                return s;
            }
        }
        return null; // an image (--from=nginx:1.27): nothing of the context
    }

    /**
     * What the stages of the final image copy from the build context (COPY and ADD without {@code --from}); null
     * when one of them copies all of it ({@code .}) or names it with a wildcard or a variable, or none copies
     * anything (the code may come from a volume); empty when none copies anything and the image installs a program
     * from a package registry ({@code RUN npm i -g maildev}): it runs that, not the repository's code.
     */
    static List<String> copied(List<Stage> chain) {
        List<String> out = new ArrayList<>();
        for (Stage s : chain) {
            for (String kw : new String[] {"COPY", "ADD"}) {
                for (Instruction i : s.all(kw)) {
                    if (i.flag("from") != null || !i.heredocs().isEmpty()) {
                        continue;
                    }
                    List<Word> w = i.isExecForm() ? i.execArgs() : i.words();
                    for (int k = 0; k < w.size() - 1; k++) {
                        String t = w.get(k).text().replace('\\', '/');
                        if (kw.equals("ADD") && t.contains("://")) {
                            continue;
                        }
                        while (t.startsWith("./")) {
                            t = t.substring(2);
                        }
                        while (t.startsWith("/")) {
                            t = t.substring(1);
                        }
                        while (t.endsWith("/")) {
                            t = t.substring(0, t.length() - 1);
                        }
                        if (t.isEmpty() || t.equals(".") || t.startsWith("..") || t.contains("$") || t.contains("*")
                                || t.contains("?") || t.contains("[")) {
                            return null;
                        }
                        out.add(t);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            for (Stage s : chain) {
                for (Instruction i : s.all("RUN")) {
                    if (i.args() != null && INSTALLS_PROGRAM.matcher(i.args()).find()) {
                        return out;
                    }
                }
            }
            return null;
        }
        return out;
    }

    /** A RUN that installs a program from a package registry (not the context's own code: no path, no -r file). */
    private static final java.util.regex.Pattern INSTALLS_PROGRAM = java.util.regex.Pattern.compile(
            "\\b(npm\\s+(i|install)\\s+(-g|--global)\\s+[a-z@]|yarn\\s+global\\s+add\\s+[a-z@]"
            + "|pipx?\\s+install\\s+(--no-cache-dir\\s+)?[a-zA-Z][\\w.-]*(==|>=|\\s|$)|go\\s+install\\s+[\\w.-]+/"
            + "|gem\\s+install\\s+[a-z]|cargo\\s+install\\s+[a-z])");

    /**
     * Whether a stage of the final image writes or copies a {@code .env} file into it ({@code RUN cp env-example
     * .env}, {@code COPY .env.production .env}): the application may read variables from it that nothing else sets.
     */
    static boolean writesEnvFile(List<Stage> chain) {
        for (Stage s : chain) {
            for (String kw : new String[] {"RUN", "COPY", "ADD"}) {
                for (Instruction i : s.all(kw)) {
                    String a = i.args();
                    if (a != null && ENV_FILE.matcher(a).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ENV_FILE = java.util.regex.Pattern.compile(
            "(^|[\\s>/\"'])\\.env(\\.[\\w-]+)?($|[\\s;&|)\"'])");

    /** ENTRYPOINT when there is one (CMD then only supplies its arguments), else CMD. */
    private static Facts.Command command(Stage fin, FileFacts.Builder out) {
        Instruction i = fin.lastInherited("ENTRYPOINT");
        if (i == null) {
            i = fin.lastInherited("CMD");
        }
        if (i == null || i.args() == null || i.args().isBlank()) {
            return null;
        }
        return new Facts.Command(i.args().strip(), !i.isExecForm(), out.loc(i.range()));
    }

    /** The digits of an EXPOSE word ({@code 8080} of {@code 8080/tcp}). */
    private static io.archlens.core.TextRange numberRange(SourceFile file, Word w, String num) {
        io.archlens.core.TextRange r = w.range();
        String raw = file.text().substring(r.start(), Math.min(r.end(), file.text().length()));
        int at = raw.indexOf(num);
        return at < 0 ? r : new io.archlens.core.TextRange(r.start() + at, r.start() + at + num.length());
    }
}
