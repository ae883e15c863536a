package io.archlens.analysis;

import java.util.Set;

/**
 * Which {@link Profile} each rule belongs to. Errors are essential; the two lists below name the warnings that are
 * essential too (a hole or a leak that one line shows, rarely a false alarm) and the rules that only {@code strict}
 * runs (hardening and hygiene that hold on nearly every service of a typical project, so on day one they bury the
 * findings that matter). Every other rule is recommended. {@code ProfilesTest} keeps both lists to rules that
 * exist.
 */
public final class Profiles {
    static final Set<String> ESSENTIAL_WARNINGS = Set.of(
            "arch/duplicate-secret",
            "compose/dangerous-capability", "compose/database-port-exposed", "compose/host-namespace",
            "compose/host-network", "compose/literal-secret", "compose/sensitive-host-mount",
            "docker/add-remote-url", "docker/chmod-777", "docker/curl-pipe-shell", "docker/secret-build-arg",
            "gha/cache-key-untrusted", "gha/curl-pipe-shell", "gha/known-vulnerable-action", "gha/typosquat-action",
            "gha/dependabot-code-execution",
            "js/bidi-characters",
            "java/cookie-flags-disabled", "java/world-writable-file",
            "go/cookie-flags-disabled",
            "k8s/dangerous-capability", "k8s/host-namespace", "k8s/host-path-mount", "k8s/literal-secret-env",
            "k8s/rbac-wildcard",
            "nginx/autoindex-on",
            "openapi/api-key-in-query", "openapi/http-server");

    static final Set<String> STRICT = Set.of(
            // per-service container hardening: true of nearly every service in a Compose file or manifest
            "compose/container-name", "compose/no-cap-drop", "compose/no-new-privileges",
            "compose/no-resource-limits", "compose/unbounded-logging", "compose/writable-root-fs",
            "compose/worker-without-healthcheck",
            "k8s/automount-service-account-token", "k8s/capabilities-not-dropped", "k8s/default-namespace",
            "k8s/writable-root-filesystem", "k8s/secret-env-var",
            // per-proxy tuning that holds for nearly every container-style nginx (proxy_pass http://api:8080)
            "nginx/proxy-pass-without-upstream",
            // Node services: shutdown and handler hygiene, hardening beyond the library defaults
            "js/no-sigterm-handler", "js/async-handler-unhandled", "js/body-limit-huge", "js/jwt-verify-no-algorithms",
            // hygiene: labels, clean-up, naming and documentation style
            "k8s/missing-recommended-labels", "k8s/job-no-ttl",
            "docker/unpinned-package",
            "env/lowercase-key",
            "gha/unpinned-first-party-action", "gha/adhoc-package-install", "gha/setup-python-pip-install",
            // GitHub Actions audits: values a caller or earlier step controls in scripts; scopes wider than each job
            "gha/expression-in-script", "gha/broad-permissions", "gha/dependabot-no-cooldown",
            "go/sql-pool-unbounded", "go/cookie-without-flags",
            // audits of the Java API surface: SQL, scripts and expressions a public method runs whole; cookie flags
            "java/sql-from-parameter", "java/command-from-parameter", "java/expression-from-parameter",
            "java/cookie-without-flags",
            "openapi/inconsistent-path-casing", "openapi/missing-operation-description", "openapi/verb-in-path",
            // contract-wide limits and documentation (OWASP API ruleset level): the request-only versions of the
            // limit rules run in every profile; these judge every schema, response and server of the spec
            "openapi/unbounded-string-schema", "openapi/unbounded-array-schema", "openapi/unbounded-integer",
            "openapi/open-object-schema", "openapi/error-response-without-body", "openapi/numeric-id-parameter",
            "openapi/url-parameter", "openapi/server-environment-undeclared", "openapi/jwt-validation-undocumented");

    private Profiles() {
    }

    /** The smallest profile that runs the rule. */
    public static Profile of(RuleMeta meta) {
        String kind = meta.id().substring(0, meta.id().indexOf('/'));
        if (kind.equals("archlens") || kind.equals("agent") || kind.equals("config")) {
            return Profile.ESSENTIAL; // the engine's own findings (syntax errors, files not analysed, bad settings)
        }
        if (STRICT.contains(meta.id())) {
            return Profile.STRICT;
        }
        if (meta.defaultSeverity() == Severity.ERROR || ESSENTIAL_WARNINGS.contains(meta.id())) {
            return Profile.ESSENTIAL;
        }
        return Profile.RECOMMENDED;
    }
}
