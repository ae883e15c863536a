package io.archlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.json is the settings schema editors rely on (the VS Code extension's contributed settings are
 * checked against it by the extension's own tests). This test keeps it honest against the server's code: every
 * key the server reads is in the schema, and every key in the schema is read by the server.
 *
 * <p>Keys read while parsing are found by handing the readers a recording map (every {@code get} is noted with
 * its path and answers with another recording map); keys read later from the raw maps are found by scanning
 * the sources for {@code raw().get("...")} and {@code agent().get("...")}.
 */
class SettingsSchemaTest {
    private static final Path REPO = Path.of(System.getProperty("archlens.repoRoot", "..")).toAbsolutePath().normalize();
    private static final Pattern LAZY_READ = Pattern.compile("\\b(raw|agent)\\(\\)\\s*\\.get\\(\"([a-z0-9-]+)\"\\)");

    /** Readers of settings sections: class, static method taking a Map, the section they read. */
    private static final List<String[]> READERS = List.of(
            new String[] {"io.archlens.config.Settings", "fromMap", ""},
            new String[] {"io.archlens.agent.AgentSettings", "from", "agent"});

    private static JsonNode schema;
    private static Set<String> schemaPaths;

    @BeforeAll
    static void load() throws IOException {
        schema = new ObjectMapper().readTree(REPO.resolve("docs/settings.json").toFile());
        schemaPaths = new TreeSet<>();
        collect(schema, "", schemaPaths);
    }

    /** Paths of every property, nested ones as a.b.c (objects with properties are listed and descended). */
    private static void collect(JsonNode node, String prefix, Set<String> out) {
        JsonNode props = node.get("properties");
        if (props == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }

    /** A map that answers every get with another recording map and remembers the path asked for. */
    static final class Recorder extends AbstractMap<String, Object> {
        final String prefix;
        final Set<String> seen;

        Recorder(String prefix, Set<String> seen) {
            this.prefix = prefix;
            this.seen = seen;
        }

        @Override
        public Object get(Object key) {
            String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            seen.add(path);
            return new Recorder(path, seen);
        }

        @Override
        public boolean isEmpty() {
            return false; // readers skip empty sections; this one must be read
        }

        @Override
        public boolean containsKey(Object key) {
            get(key);
            return true;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }

    /** Paths of the keys the server's readers ask for, by section; readers not on the class path are skipped. */
    private static Set<String> recordedReads(List<String> missingReaders) {
        Set<String> seen = new TreeSet<>();
        for (String[] r : READERS) {
            Method m;
            try {
                m = Class.forName(r[0]).getMethod(r[1], Map.class);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                missingReaders.add(r[2]);
                continue;
            }
            try {
                m.invoke(null, new Recorder(r[2], seen));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(r[0] + "." + r[1] + " failed on a recording map", e);
            }
        }
        return seen;
    }

    private static Set<String> lazyReads() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("server/src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = LAZY_READ.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1).equals("agent") ? "agent." + m.group(2) : m.group(2));
                }
            }
        }
        return out;
    }

    @Test
    void everyKeyTheServerReadsIsInTheSchema() throws IOException {
        List<String> missingReaders = new ArrayList<>();
        Set<String> read = recordedReads(missingReaders);
        read.addAll(lazyReads());
        assertTrue(read.contains("max-file-bytes") && read.contains("context.stage"),
                "the recorder sees the readers' keys: " + read);
        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(schemaPaths);
        assertEquals(Set.of(), undocumented,
                "settings the server reads but docs/settings.json does not describe (add them, with a description)");
    }

    @Test
    void everyKeyInTheSchemaIsReadByTheServer() throws IOException {
        List<String> missingReaders = new ArrayList<>();
        Set<String> read = recordedReads(missingReaders);
        read.addAll(lazyReads());
        Set<String> unread = new TreeSet<>();
        for (String p : schemaPaths) {
            boolean object = node(p).has("properties");
            boolean pending = missingReaders.stream().anyMatch(s -> !s.isEmpty() && p.startsWith(s + "."));
            if (!read.contains(p) && !object && !pending) {
                unread.add(p);
            }
        }
        assertEquals(Set.of(), unread, "docs/settings.json describes settings no server code reads");
    }

    @Test
    void everySchemaEntryIsDescribedAndTyped() {
        for (String p : schemaPaths) {
            JsonNode n = node(p);
            assertTrue(n.hasNonNull("description") && !n.get("description").asText().isBlank(), p + " has no description");
            assertTrue(n.hasNonNull("type"), p + " has no type");
            if (n.has("default") && n.has("enum")) {
                boolean found = false;
                for (JsonNode v : n.get("enum")) {
                    found |= v.equals(n.get("default"));
                }
                assertTrue(found, p + ": default is not one of the enum values");
            }
        }
    }

    @Test
    void defaultsInTheSchemaAreTheServersDefaults() {
        assertEquals(Settings.DEFAULT_MAX_FILE_BYTES, node("max-file-bytes").get("default").asLong());
        assertEquals(Settings.DEFAULT_DOCS_BASE, node("docs-base-url").get("default").asText());
        Settings d = Settings.fromMap(Map.of());
        assertEquals(Map.of(), d.rules());
        assertEquals(List.of(), d.ignore());
    }

    private static JsonNode node(String path) {
        JsonNode n = schema;
        for (String seg : path.split("\\.")) {
            n = n.get("properties").get(seg);
        }
        return n;
    }
}
