package io.archlens.syntax.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Spring profiles a document applies to, and whether those are development-only.
 *
 * <p>A profile counts as development when its name, or one of its {@code -}/{@code _}/{@code .} separated parts,
 * is one of {@link #DEV_NAMES} ({@code dev}, {@code local}, {@code test}, {@code local-docker},
 * {@code integration-test}...). A profile expression ({@code spring.config.activate.on-profile}, legacy
 * {@code spring.profiles}) is development-only when every alternative ({@code |} or {@code ,}) requires at least
 * one non-negated development profile ({@code dev & eu} is dev-only, {@code dev | prod} and {@code !prod} are
 * not).
 */
public final class Profiles {
    public static final Set<String> DEV_NAMES = Set.of("dev", "develop", "development", "local", "localhost",
            "test", "tests", "testing", "it", "e2e", "unittest", "sandbox", "sample", "samples", "example", "examples");
    private static final Pattern FILE_PROFILE = Pattern.compile(
            "(?:application|bootstrap)-(.+)\\.(?:properties|ya?ml)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTS = Pattern.compile("[-_.]");

    private Profiles() {
    }

    /** The profile a file name implies ({@code application-prod.yml} -> {@code prod}), or null. */
    public static String fromFileName(String fileName) {
        Matcher m = FILE_PROFILE.matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }

    /** True for files Spring only loads in tests ({@code src/test/...}). */
    public static boolean isTestScope(String path) {
        String p = path.replace('\\', '/');
        return p.contains("/src/test/") || p.startsWith("src/test/");
    }

    public static boolean isDevName(String profile) {
        String p = profile.trim().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return false;
        }
        if (DEV_NAMES.contains(p)) {
            return true;
        }
        for (String part : PARTS.split(p)) {
            if (DEV_NAMES.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Names mentioned in a profile expression, without operators and negations. */
    public static List<String> names(String expression) {
        List<String> out = new ArrayList<>();
        for (String t : expression.split("[\\s|&,()!]+")) {
            if (!t.isBlank()) {
                out.add(t.trim());
            }
        }
        return out;
    }

    /** Whether the expression can only be active in development profiles (see the class comment). */
    public static boolean devOnly(String expression) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        String e = expression.replace("(", " ").replace(")", " ");
        boolean any = false;
        for (String alt : e.split("[|,]")) {
            if (alt.isBlank()) {
                continue;
            }
            any = true;
            boolean altDev = false;
            for (String conj : alt.split("&")) {
                String c = conj.trim();
                if (!c.startsWith("!") && isDevName(c)) {
                    altDev = true;
                }
            }
            if (!altDev) {
                return false;
            }
        }
        return any;
    }
}
