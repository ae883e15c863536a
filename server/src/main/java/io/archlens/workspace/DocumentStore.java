package io.archlens.workspace;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open documents by URI. Mutated only from the protocol thread; read from anywhere. */
public final class DocumentStore {
    private final Map<String, Document> docs = new ConcurrentHashMap<>();

    public Document open(Document d) {
        docs.put(d.uri(), d);
        return d;
    }

    public Optional<Document> get(String uri) {
        return Optional.ofNullable(docs.get(uri));
    }

    public Optional<Document> change(String uri, int version, Iterable<Document.Change> changes) {
        Document d = docs.get(uri);
        if (d == null) {
            return Optional.empty();
        }
        Document next = d.apply(version, changes);
        docs.put(uri, next);
        return Optional.of(next);
    }

    public void close(String uri) {
        docs.remove(uri);
    }

    public Collection<Document> all() {
        return docs.values();
    }
}
