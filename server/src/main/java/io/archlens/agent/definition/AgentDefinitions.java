package io.archlens.agent.definition;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The agents available in a workspace: those bundled in the jar ({@code archlens/agents/*.md}, built from the
 * repository's {@code agents/} folder), overridden or extended by {@code <root>/.archlens/agents/*.md}. A
 * workspace definition with the same name replaces the bundled one. Malformed files are skipped and listed.
 */
public final class AgentDefinitions {
    public static final String BUNDLED_DIR = "archlens/agents/";
    public static final String WORKSPACE_DIR = ".archlens/agents";
    public static final String DEFAULT_AGENT = "backend-architecture-expert";
    private static final long MAX_DEFINITION_BYTES = 256 * 1024;

    private final Map<String, AgentDefinition> byName;
    private final Map<String, List<DefinitionProblem>> invalid;

    private AgentDefinitions(Map<String, AgentDefinition> byName, Map<String, List<DefinitionProblem>> invalid) {
        this.byName = Map.copyOf(byName);
        this.invalid = Map.copyOf(invalid);
    }

    /** Bundled definitions plus the workspace's (when {@code workspaceRoot} is not null). */
    public static AgentDefinitions load(Path workspaceRoot) {
        Map<String, AgentDefinition> defs = new LinkedHashMap<>();
        Map<String, List<DefinitionProblem>> bad = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : bundledTexts().entrySet()) {
            add(e.getKey(), e.getValue(), defs, bad);
        }
        if (workspaceRoot != null) {
            Path dir = workspaceRoot.resolve(WORKSPACE_DIR);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                        try {
                            if (Files.isRegularFile(p) && Files.size(p) <= MAX_DEFINITION_BYTES) {
                                add(p.toString(), Files.readString(p, StandardCharsets.UTF_8), defs, bad);
                            }
                        } catch (IOException | RuntimeException ex) {
                            bad.put(p.toString(), List.of(new DefinitionProblem(io.archlens.core.TextRange.empty(0),
                                    "could not read: " + ex.getMessage())));
                        }
                    }
                } catch (IOException ex) {
                    // an unreadable folder is the same as no folder
                }
            }
        }
        return new AgentDefinitions(defs, bad);
    }

    /** From explicit texts (origin -> text), in order; later ones override earlier ones of the same name. */
    public static AgentDefinitions of(Map<String, String> texts) {
        Map<String, AgentDefinition> defs = new LinkedHashMap<>();
        Map<String, List<DefinitionProblem>> bad = new LinkedHashMap<>();
        texts.forEach((origin, text) -> add(origin, text, defs, bad));
        return new AgentDefinitions(defs, bad);
    }

    private static void add(String origin, String text, Map<String, AgentDefinition> defs,
            Map<String, List<DefinitionProblem>> bad) {
        ParsedDefinition pd = AgentDefinitionParser.parse(text, origin);
        if (pd.valid()) {
            defs.put(pd.definition().name(), pd.definition());
        } else {
            bad.put(origin, pd.problems());
        }
    }

    public Optional<AgentDefinition> get(String name) {
        return Optional.ofNullable(byName.get(name == null ? DEFAULT_AGENT : name));
    }

    public List<AgentDefinition> all() {
        return new ArrayList<>(byName.values());
    }

    /** Files that were skipped, with their problems. */
    public Map<String, List<DefinitionProblem>> invalid() {
        return invalid;
    }

    /** Bundled definition texts keyed by resource name, read from the class path (directory or jar). */
    static Map<String, String> bundledTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        ClassLoader cl = AgentDefinitions.class.getClassLoader();
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> dirs = cl.getResources(BUNDLED_DIR);
            while (dirs.hasMoreElements()) {
                names.addAll(list(dirs.nextElement()));
            }
        } catch (IOException e) {
            // fall through to the default name
        }
        names.add(DEFAULT_AGENT + ".md");
        for (String n : names) {
            try (InputStream in = cl.getResourceAsStream(BUNDLED_DIR + n)) {
                if (in != null) {
                    out.put(BUNDLED_DIR + n, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // skip unreadable resource
            }
        }
        return out;
    }

    private static List<String> list(URL dir) throws IOException {
        List<String> out = new ArrayList<>();
        if ("file".equals(dir.getProtocol())) {
            try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).forEach(out::add);
            } catch (URISyntaxException e) {
                return out;
            }
        } else if ("jar".equals(dir.getProtocol())) {
            JarURLConnection c = (JarURLConnection) dir.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
                Enumeration<JarEntry> en = jar.entries();
                while (en.hasMoreElements()) {
                    String n = en.nextElement().getName();
                    if (n.startsWith(BUNDLED_DIR) && n.endsWith(".md") && n.indexOf('/', BUNDLED_DIR.length()) < 0) {
                        out.add(n.substring(BUNDLED_DIR.length()));
                    }
                }
            }
        }
        return out;
    }
}
