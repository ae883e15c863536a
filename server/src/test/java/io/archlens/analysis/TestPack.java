package io.archlens.analysis;

import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;

/** A tiny pack over raw text, used to test the engine independently of real rule packs. */
public final class TestPack implements RulePack<String> {
    public static final RuleMeta TODO = RuleMeta.of("test/todo", "TODO left", Severity.WARNING, Category.MAINTAINABILITY,
            FileKind.DOTENV).withFix();
    public static final RuleMeta BOOM = RuleMeta.of("test/boom", "always throws", Severity.ERROR, Category.RELIABILITY,
            FileKind.DOTENV);
    public static final RuleMeta FIXME = RuleMeta.of("test/fixme", "FIXME left", Severity.INFO, Category.MAINTAINABILITY,
            FileKind.DOTENV);

    @Override
    public FileKind kind() {
        return FileKind.DOTENV;
    }

    @Override
    public Parser<String> parser() {
        return f -> new Parsed<>(f.text(), f.text().contains("{{")
                ? List.of(ParseIssue.syntax(new TextRange(f.text().indexOf("{{"), f.text().indexOf("{{") + 2), "template"))
                : List.of());
    }

    @Override
    public List<Rule<String>> rules() {
        return List.of(word(TODO, "TODO", "DONE"), new Rule<>() {
            @Override
            public RuleMeta meta() {
                return BOOM;
            }

            @Override
            public void check(String model, RuleContext ctx) {
                throw new IllegalStateException("rule bug");
            }
        }, word(FIXME, "FIXME", null));
    }

    private static Rule<String> word(RuleMeta meta, String word, String replacement) {
        return new Rule<>() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(String text, RuleContext ctx) {
                int at = text.indexOf(word);
                while (at >= 0) {
                    TextRange r = new TextRange(at, at + word.length());
                    if (replacement == null) {
                        ctx.report(r, word + " found");
                    } else {
                        ctx.report(r, word + " found; write " + replacement, Fix.safe("Write " + replacement,
                                Edit.replace(r, replacement)));
                    }
                    at = text.indexOf(word, at + 1);
                }
            }
        };
    }
}
