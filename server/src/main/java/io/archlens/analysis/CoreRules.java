package io.archlens.analysis;

import java.util.List;
import java.util.Set;

/** Rules that belong to no single kind: parse problems and suppression hygiene. */
public final class CoreRules {
    public static final RuleMeta SYNTAX_ERROR = new RuleMeta("archlens/syntax-error",
            "The file could not be parsed", Severity.ERROR, Category.RELIABILITY, null, false, Set.of());
    public static final RuleMeta NOT_ANALYZED = new RuleMeta("archlens/not-analyzed",
            "The file was skipped or only partly analysed", Severity.HINT, Category.MAINTAINABILITY, null, false,
            Set.of());
    public static final RuleMeta UNUSED_SUPPRESSION = new RuleMeta("archlens/unused-suppression",
            "A suppression comment suppresses nothing", Severity.HINT, Category.MAINTAINABILITY, null, false,
            Set.of(Tag.UNNECESSARY));
    public static final RuleMeta UNKNOWN_RULE = new RuleMeta("archlens/unknown-rule",
            "A suppression or setting names a rule that does not exist", Severity.HINT, Category.MAINTAINABILITY,
            null, false, Set.of());

    public static final RuleMeta DUPLICATE_KEY = new RuleMeta("archlens/duplicate-key",
            "A key is defined twice; only one value takes effect", Severity.WARNING, Category.RELIABILITY, null,
            false, Set.of());

    public static final List<RuleMeta> ALL = List.of(SYNTAX_ERROR, NOT_ANALYZED, UNUSED_SUPPRESSION, UNKNOWN_RULE, DUPLICATE_KEY);

    private CoreRules() {
    }
}
