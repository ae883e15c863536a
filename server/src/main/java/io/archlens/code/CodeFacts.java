package io.archlens.code;

import java.util.List;

/**
 * What a source file does that the code rules care about, in terms that do not depend on the language or its
 * parser: the HTTP clients it builds, the remote calls it makes, the SQL and command sinks it feeds, the
 * configuration it reads and the routes it serves. Java ({@code syntax/java}) is the first producer; other
 * languages produce the same records, so rules written against them run unchanged.
 */
public record CodeFacts(
        List<HttpClientFact> httpClients,
        List<RemoteCall> remoteCalls,
        List<Sink> sinks,
        List<ConfigRead> configReads,
        List<Route> routes) {

    public static final CodeFacts EMPTY = new CodeFacts(List.of(), List.of(), List.of(), List.of(), List.of());

    public CodeFacts {
        httpClients = List.copyOf(httpClients);
        remoteCalls = List.copyOf(remoteCalls);
        sinks = List.copyOf(sinks);
        configReads = List.copyOf(configReads);
        routes = List.copyOf(routes);
    }
}
