package io.archlens.syntax.nginx;

/**
 * An {@code include} directive. A file's own parse does not read the included files; {@link NginxContext} does
 * (rules judge that effective configuration), and rules that look for a directive's absence treat an include that
 * could not be resolved as "may define it" where that matters.
 * {@code pattern} is the target as written (a path or a glob); {@code glob} is true when it contains
 * {@code * ? [}.
 */
public record NginxInclude(NginxDirective directive, String pattern, boolean glob) {
    /** The last path segment of the target, e.g. {@code proxy_params} or {@code *.conf}. */
    public String fileName() {
        int slash = pattern.lastIndexOf('/');
        return slash < 0 ? pattern : pattern.substring(slash + 1);
    }
}
