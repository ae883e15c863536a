package io.archlens.agent.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.filekind.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDefinitionsTest {
    @Test
    void bundledDefinitionIsPackagedAndValid() {
        AgentDefinitions defs = AgentDefinitions.load(null);
        AgentDefinition d = defs.get("backend-architecture-expert").orElseThrow();
        assertTrue(defs.invalid().isEmpty(), defs.invalid().toString());
        assertTrue(d.description().contains("backend architect"));
        assertTrue(d.appliesTo(FileKind.COMPOSE));
        assertTrue(d.appliesTo(FileKind.JAVA));
        assertFalse(d.appliesTo(FileKind.DOTENV), "dotenv files are never reviewed");
        assertEquals(0.1, d.temperature());
        assertNull(d.model());
        assertTrue(d.prompt().startsWith("You review backend systems"));
        assertEquals(64, d.hash().length());
        assertEquals(d, defs.get(null).orElseThrow(), "the default agent");
    }

    @Test
    void workspaceDefinitionsOverrideAndExtend(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve(".archlens/agents"));
        Files.writeString(dir.resolve("override.md"), """
                ---
                name: backend-architecture-expert
                description: Our own take
                applies-to: compose
                ---
                Only look at compose files.
                """);
        Files.writeString(dir.resolve("extra.md"), """
                ---
                name: sql-reviewer
                description: Reviews migrations
                applies-to: [sql]
                model: qwen2.5-coder:7b
                ---
                Look for locking migrations.
                """);
        Files.writeString(dir.resolve("broken.md"), "no front matter here\n");
        AgentDefinitions defs = AgentDefinitions.load(root);
        AgentDefinition over = defs.get("backend-architecture-expert").orElseThrow();
        assertEquals("Only look at compose files.", over.prompt());
        assertFalse(over.appliesTo(FileKind.KUBERNETES));
        assertEquals("qwen2.5-coder:7b", defs.get("sql-reviewer").orElseThrow().model());
        assertEquals(1, defs.invalid().size());
        assertTrue(defs.invalid().keySet().iterator().next().endsWith("broken.md"));
    }

    @Test
    void problemsCarryRanges() {
        String text = "---\nname: ok-name\ndescription: d\ntemperature: 3\napplies-to: [compose, cobol]\nextra: 1\n---\nprompt\n";
        ParsedDefinition pd = AgentDefinitionParser.parse(text, "x.md");
        assertNull(pd.definition());
        assertEquals(3, pd.problems().size(), pd.problems().toString());
        for (DefinitionProblem p : pd.problems()) {
            String at = text.substring(p.range().start(), p.range().end());
            assertTrue(at.equals("3") || at.equals("cobol") || at.equals("extra"), at);
        }
    }

    @Test
    void emptyPromptYamlErrorsAndCrlf() {
        assertFalse(AgentDefinitionParser.parse("---\nname: a\ndescription: b\n---\n\n  \n", "x").valid());
        assertFalse(AgentDefinitionParser.parse("---\nname: [a\ndescription: b\n---\nbody\n", "x").valid());
        assertTrue(AgentDefinitionParser.parse("\uFEFF---\r\nname: a\r\ndescription: b\r\n---\r\nbody\r\n", "x").valid());
        assertFalse(AgentDefinitionParser.parse("", "x").valid());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a.md", "---\nname: a\ndescription: first\n---\none\n");
        texts.put("b.md", "---\nname: a\ndescription: second\n---\ntwo\n");
        assertEquals("two", AgentDefinitions.of(texts).get("a").orElseThrow().prompt());
    }
}
