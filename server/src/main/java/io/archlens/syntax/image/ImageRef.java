package io.archlens.syntax.image;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, as written in Compose files and
 * Kubernetes manifests. {@code tag} and {@code digest} are null when absent.
 */
public record ImageRef(String raw, String repository, String tag, String digest) {

    public static ImageRef parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
        }
        String tag = null;
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        return new ImageRef(raw, s, tag == null || tag.isEmpty() ? null : tag, digest);
    }

    /** True when the reference is built from variables or templates and cannot be judged statically. */
    public boolean templated() {
        return raw.contains("$") || raw.contains("{{");
    }

    public boolean hasDigest() {
        return digest != null && !digest.isEmpty();
    }

    /** No tag and no digest: the runtime pulls {@code :latest}. */
    public boolean untagged() {
        return tag == null && !hasDigest();
    }

    /** Untagged or {@code :latest} without a digest: a moving target. */
    public boolean mutable() {
        return !hasDigest() && (tag == null || tag.equalsIgnoreCase("latest"));
    }

    private static final String[] HUB = {"docker.io", "index.docker.io", "registry-1.docker.io"};

    /**
     * A stable key to look the image up in tables ({@link EolTable}): the official image name for Docker Hub library
     * images (also through mirrors whose path ends in {@code library/<name>}), else {@code registry/path} or
     * {@code path}, lower-cased. The registry is the first path element when it has a dot or a port, or is
     * {@code localhost}.
     */
    public String key() {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? null : repository.substring(0, slash);
        boolean registry = first != null && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        return registry ? key(first, repository.substring(slash + 1)) : key(null, repository);
    }

    /** {@link #key()} from a reference's registry (null for Docker Hub) and repository path. */
    public static String key(String registry, String repository) {
        if (repository == null) {
            return "";
        }
        String repo = repository.toLowerCase(java.util.Locale.ROOT);
        boolean hub = registry == null;
        for (String h : HUB) {
            if (h.equalsIgnoreCase(registry)) {
                hub = true;
            }
        }
        if (hub) {
            return repo.startsWith("library/") ? repo.substring(8) : repo;
        }
        int lib = repo.lastIndexOf("library/");
        if (lib >= 0 && (lib == 0 || repo.charAt(lib - 1) == '/') && repo.indexOf('/', lib + 8) < 0) {
            return repo.substring(lib + 8);
        }
        return registry.toLowerCase(java.util.Locale.ROOT) + "/" + repo;
    }

    /** The last path segment of the repository, lower case ({@code bitnami/postgresql} -> {@code postgresql}). */
    public String baseName() {
        String r = repository.toLowerCase(java.util.Locale.ROOT);
        return r.substring(r.lastIndexOf('/') + 1);
    }
}
