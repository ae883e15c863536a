package io.archlens.cli;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleDocs;
import io.archlens.analysis.RuleMeta;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code archlens explain RULE}: the rule's documentation page, rendered for the terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show a rule's documentation.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RULE_ID", description = "A rule id, e.g. docker/no-latest-tag")
    String ruleId;

    @CommandLine.Option(names = "--markdown", description = "Print the raw markdown.")
    boolean markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<RuleMeta> meta = RuleBook.loadDefault().rule(ruleId);
        if (meta.isEmpty()) {
            spec.commandLine().getErr().println("archlens: unknown rule '" + ruleId + "'; `archlens rules` lists them");
            return 2;
        }
        String page = RuleDocs.page(ruleId).orElse("# " + ruleId + "\n\n" + meta.get().title());
        out.println(markdown ? page : renderPlain(page));
        return 0;
    }

    public static String renderPlain(String md) {
        return TextContentRenderer.builder().build().render(Parser.builder().build().parse(md)).strip();
    }
}
