package io.archlens.code;

import java.util.ArrayList;
import java.util.List;

/**
 * What a source file does that the code rules and the cross-file model care about, in terms that do not depend on
 * the language or its parser: the HTTP clients it builds, the remote calls it makes, the SQL and command sinks it
 * feeds, the configuration it reads, the routes it serves, the ports it listens on, the service URLs it names, the
 * entities it maps to tables, whether it handles the termination signal, and the prefixes it mounts routes under. Java ({@code syntax/java}) and the
 * tree-sitter languages (Python, JavaScript/TypeScript, Go) produce the same records, so rules written against them
 * run unchanged.
 */
public record CodeFacts(
        List<HttpClientFact> httpClients,
        List<RemoteCall> remoteCalls,
        List<Sink> sinks,
        List<ConfigRead> configReads,
        List<Route> routes,
        List<Listen> listens,
        List<ServiceUrl> urls,
        List<Entity> entities,
        Shutdown shutdown,
        List<Mount> mounts) {

    public static final CodeFacts EMPTY = builder().build();

    /** Whether the program handles SIGTERM (graceful shutdown): known to, known not to (a server without it), unknown. */
    public enum Shutdown { HANDLED, NOT_HANDLED, UNKNOWN }

    public CodeFacts {
        httpClients = List.copyOf(httpClients);
        remoteCalls = List.copyOf(remoteCalls);
        sinks = List.copyOf(sinks);
        configReads = List.copyOf(configReads);
        routes = List.copyOf(routes);
        listens = List.copyOf(listens);
        urls = List.copyOf(urls);
        entities = List.copyOf(entities);
        shutdown = shutdown == null ? Shutdown.UNKNOWN : shutdown;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects one file's facts; extractors add to the lists they know about. */
    public static final class Builder {
        public final List<HttpClientFact> httpClients = new ArrayList<>();
        public final List<RemoteCall> remoteCalls = new ArrayList<>();
        public final List<Sink> sinks = new ArrayList<>();
        public final List<ConfigRead> configReads = new ArrayList<>();
        public final List<Route> routes = new ArrayList<>();
        public final List<Listen> listens = new ArrayList<>();
        public final List<ServiceUrl> urls = new ArrayList<>();
        public final List<Entity> entities = new ArrayList<>();
        public Shutdown shutdown = Shutdown.UNKNOWN;
        public final List<Mount> mounts = new ArrayList<>();

        public CodeFacts build() {
            return new CodeFacts(httpClients, remoteCalls, sinks, configReads, routes, listens, urls, entities, shutdown,
                    mounts);
        }
    }
}
