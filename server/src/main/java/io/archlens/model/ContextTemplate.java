package io.archlens.model;

import java.util.List;
import java.util.Set;

/** The {@code .archlens.yml} context questions, written as commented fields for the user to answer. */
public final class ContextTemplate {
    private record Question(String field, String line) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("stage", "  # stage: production          # dev | staging | production (high-availability checks run in production)"),
            new Question("replicas", "  # replicas: 3                # replicas of each application service in production (connection-pool arithmetic)"),
            new Question("requests-per-second", "  # requests-per-second: 200   # expected peak load"),
            new Question("team-size", "  # team-size: 5"),
            new Question("database", "  # database:\n  #   engine: postgres         # postgres | mysql | mariadb ...\n  #   max-connections: 100     # the server's max_connections"),
            new Question("cloud", "  # cloud: aws                 # aws | gcp | azure | on-prem"));

    private ContextTemplate() {
    }

    /** A new .archlens.yml: the questions the missing fields answer first, then the others. */
    public static String newFile(Set<String> missing, String eol) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ArchLens project settings (docs/configuration.md).").append(eol);
        sb.append("# The questions an architect asks first: uncomment and answer them;").append(eol);
        sb.append("# cross-file checks use the answers.").append(eol);
        sb.append("context:").append(eol);
        questions(sb, missing, eol);
        return sb.toString();
    }

    /** Lines to append to an existing .archlens.yml that has no {@code context:} yet (or only comments when it has). */
    public static String append(Set<String> missing, boolean hasContext, String eol) {
        StringBuilder sb = new StringBuilder(eol);
        if (hasContext) {
            sb.append("# ArchLens needs these under context: (move them there and answer):").append(eol);
        } else {
            sb.append("# The questions an architect asks first: uncomment and answer them.").append(eol);
            sb.append("context:").append(eol);
        }
        questions(sb, missing, eol);
        return sb.toString();
    }

    private static void questions(StringBuilder sb, Set<String> missing, String eol) {
        for (Question q : QUESTIONS) {
            if (missing.contains(q.field())) {
                sb.append(q.line().replace("\n", eol)).append(eol);
            }
        }
        for (Question q : QUESTIONS) {
            if (!missing.contains(q.field())) {
                sb.append(q.line().replace("\n", eol)).append(eol);
            }
        }
    }
}
