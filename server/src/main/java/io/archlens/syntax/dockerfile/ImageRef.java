package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.Locale;
import java.util.Map;

/**
 * The image of a FROM instruction: {@code [registry[:port]/]path[:tag][@digest]}. {@code raw} is the word as
 * written, {@code resolved} the reference after substituting global ARG defaults (null when a variable has no
 * default, so the reference is only known at build time). The parts are parsed from {@code resolved}.
 */
public final class ImageRef {

    private final String raw;
    private final TextRange range;
    private final String resolved;
    private final String viaArg;
    private final boolean stageRef;
    private String registry;
    private String repository;
    private String tag;
    private String digest;
    private TextRange tagRange;

    ImageRef(String raw, TextRange range, String resolved, String viaArg, boolean stageRef, boolean rawIsSource) {
        this.raw = raw;
        this.range = range;
        this.resolved = resolved;
        this.viaArg = viaArg;
        this.stageRef = stageRef;
        if (resolved != null && !stageRef) {
            split(resolved);
            if (tag != null && rawIsSource && raw.equals(resolved)) {
                int at = raw.indexOf('@');
                String beforeDigest = at < 0 ? raw : raw.substring(0, at);
                int colon = beforeDigest.lastIndexOf(':');
                tagRange = new TextRange(range.start() + colon + 1, range.start() + beforeDigest.length());
            }
        }
    }

    /** Parses a FROM image word, substituting {@code $VAR}/{@code ${VAR}}/{@code ${VAR:-x}} from {@code args}. */
    public static ImageRef parse(String raw, TextRange range, Map<String, String> args, boolean stageRef,
            boolean rawIsSource) {
        if (stageRef) {
            return new ImageRef(raw, range, raw, null, true, rawIsSource);
        }
        String via = firstVariable(raw);
        String resolved = via == null ? raw : Vars.substitute(raw, args);
        return new ImageRef(raw, range, resolved, via, false, rawIsSource);
    }

    private static String firstVariable(String raw) {
        int d = raw.indexOf('$');
        if (d < 0 || d + 1 >= raw.length()) {
            return null;
        }
        int i = d + 1;
        if (raw.charAt(i) == '{') {
            i++;
        }
        int s = i;
        while (i < raw.length() && (Character.isLetterOrDigit(raw.charAt(i)) || raw.charAt(i) == '_')) {
            i++;
        }
        return i > s ? raw.substring(s, i) : null;
    }

    private void split(String ref) {
        String rest = ref;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                rest = rest.substring(first + 1);
            }
        }
        repository = rest;
    }

    public String raw() {
        return raw;
    }

    public TextRange range() {
        return range;
    }

    /** The reference after ARG substitution; null when it depends on a build argument without default. */
    public String resolved() {
        return resolved;
    }

    public boolean isResolved() {
        return resolved != null;
    }

    /** The first build argument the raw reference uses, or null when it is literal. */
    public String viaArg() {
        return viaArg;
    }

    /** True when FROM names an earlier build stage rather than an image. */
    public boolean isStageRef() {
        return stageRef;
    }

    public boolean isScratch() {
        return !stageRef && resolved != null && resolved.equalsIgnoreCase("scratch");
    }

    /** The registry host (with port), or null for Docker Hub short names. */
    public String registry() {
        return registry;
    }

    /** The repository path without the registry, e.g. {@code library/node}, {@code node}, {@code bitnami/redis}. */
    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    /** Source range of the tag when it is written literally, else null. */
    public TextRange tagRange() {
        return tagRange;
    }

    public String digest() {
        return digest;
    }

    public boolean hasTag() {
        return tag != null && !tag.isEmpty();
    }

    public boolean hasDigest() {
        return digest != null && !digest.isEmpty();
    }

    /**
     * A stable key to look the image up in tables: the official image name for Docker Hub library images
     * (also through mirrors whose path ends in {@code library/<name>}), else {@code registry/path} or
     * {@code path}, lower-cased.
     */
    public String key() {
        return io.archlens.syntax.image.ImageRef.key(registry, repository);
    }

    /** The last path segment, lower-cased ({@code distroless/java17} gives {@code java17}). */
    public String name() {
        if (repository == null) {
            return "";
        }
        String r = repository.toLowerCase(Locale.ROOT);
        return r.substring(r.lastIndexOf('/') + 1);
    }

    /** The reference to quote in messages: the resolved one when known. */
    public String display() {
        return resolved != null ? resolved : raw;
    }

    @Override
    public String toString() {
        return display();
    }
}
