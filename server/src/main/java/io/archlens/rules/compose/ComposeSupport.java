package io.archlens.rules.compose;

import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.spring.Profiles;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small helpers several Compose rules share. */
final class ComposeSupport {
    private ComposeSupport() {
    }

    /**
     * What rules about a missing setting judge: each service with the keys it inherits through {@code extends}
     * ({@link ComposeService#effective()}), leaving out services that extend one of another file (part of their
     * settings are not visible here; the base is checked in its own file).
     */
    static List<ComposeService> fullyVisible(ComposeFile f) {
        List<ComposeService> out = new java.util.ArrayList<>();
        for (ComposeService s : f.services()) {
            if (!s.partial()) {
                out.add(s.effective());
            }
        }
        return out;
    }

    /**
     * A one-shot service (a migration or seed job): others wait for it to complete, or it opts out of
     * restarts. Long-running hardening advice does not apply to it.
     */
    static boolean oneShot(ComposeFile f, ComposeService s) {
        String restart = s.text("restart");
        if (restart != null && restart.strip().equals("no")) {
            return true;
        }
        return f.awaitedToComplete(s.name());
    }


    /** The scalar items of a sequence value (or the single scalar), for list options like cap_add. */
    static List<YScalar> scalarItems(YNode n) {
        List<YScalar> out = new ArrayList<>();
        if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YScalar sc) {
                    out.add(sc);
                }
            }
        } else if (n instanceof YScalar sc && !sc.isNull()) {
            out.add(sc);
        }
        return out;
    }

    /** The items of a sequence value, or the single value, or nothing. */
    static List<YNode> items(YNode n) {
        return n instanceof YSeq s ? s.items() : n == null || n instanceof YScalar sc && sc.isNull() ? List.of() : List.of(n);
    }

    /** The value of a memory/CPU/pids limit, direct or under deploy.resources.limits. */
    static boolean hasLimit(ComposeService s, String direct, String alt, String deployKey) {
        if (s.has(direct) || (alt != null && s.has(alt))) {
            return true;
        }
        YNode deploy = s.value("deploy");
        return deploy != null && deploy.at("resources", "limits", deployKey) != null;
    }

    /**
     * A file only development uses: {@code compose.override.yml} (merged on {@code docker compose up} on a
     * workstation) or a name with a development part ({@code docker-compose.dev.yml}, {@code compose-local.yaml},
     * {@code compose.test.yml}; the names Spring profiles use, {@link Profiles#isDevName}).
     */
    static boolean devFile(String path) {
        return nameHasPart(path, part -> part.equals("override") || part.equals("ci") || Profiles.isDevName(part));
    }

    /** A file named for production: {@code compose.prod.yml}, {@code docker-compose-production.yaml}, {@code -live}. */
    static boolean productionFile(String path) {
        return nameHasPart(path, part -> Set.of("prod", "production", "prd", "live", "release").contains(part));
    }

    /** Whether a part of the file name, split at {@code - _ .} and lower-cased, is one {@code part} accepts. */
    private static boolean nameHasPart(String path, java.util.function.Predicate<String> part) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        for (String p : name.split("[-_.]")) {
            if (part.test(p)) {
                return true;
            }
        }
        return false;
    }

    /** A service that only runs under development Compose profiles ({@code profiles: [dev]}). */
    static boolean devService(ComposeService s) {
        List<YScalar> profiles = scalarItems(s.value("profiles"));
        if (profiles.isEmpty()) {
            return false;
        }
        for (YScalar p : profiles) {
            if (!Profiles.isDevName(p.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Compose file for tests or CI, by the words of its name ({@code docker-compose.test.yml},
     * {@code compose.ci.yaml}, {@code docker-compose-e2e.yml}): its databases are meant to start empty.
     */
    static boolean forTests(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        for (String w : name.split("[._-]")) {
            if (TEST_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> TEST_WORDS = java.util.Set.of("test", "tests", "testing", "ci", "e2e",
            "it", "integration");
}
