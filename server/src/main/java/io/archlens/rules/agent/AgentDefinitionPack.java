package io.archlens.rules.agent;

import io.archlens.agent.definition.AgentDefinitionParser;
import io.archlens.agent.definition.ParsedDefinition;
import io.archlens.analysis.Category;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * Agent definitions in {@code .archlens/agents/*.md}: the parser validates the front matter and prompt, and
 * every problem is reported as {@code agent/invalid-definition} (the agent then skips that file).
 */
public final class AgentDefinitionPack implements RulePack<ParsedDefinition> {
    public static final RuleMeta INVALID_DEFINITION = RuleMeta.of("agent/invalid-definition",
            "The agent definition is malformed and is skipped", Severity.ERROR, Category.RELIABILITY,
            FileKind.AGENT_DEFINITION);

    @Override
    public FileKind kind() {
        return FileKind.AGENT_DEFINITION;
    }

    @Override
    public Parser<ParsedDefinition> parser() {
        return file -> AgentDefinitionParser.parseForRuleBook(file, INVALID_DEFINITION.id());
    }

    @Override
    public List<Rule<ParsedDefinition>> rules() {
        return List.of();
    }

    @Override
    public List<RuleMeta> parserRules() {
        return List.of(INVALID_DEFINITION);
    }
}
