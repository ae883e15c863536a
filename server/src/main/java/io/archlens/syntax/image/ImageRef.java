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

    /** The last path segment of the repository, lower case ({@code bitnami/postgresql} -> {@code postgresql}). */
    public String baseName() {
        String r = repository.toLowerCase(java.util.Locale.ROOT);
        return r.substring(r.lastIndexOf('/') + 1);
    }
}
