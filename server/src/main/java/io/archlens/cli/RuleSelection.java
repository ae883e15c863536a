package io.archlens.cli;

import java.util.List;

/** {@code --select}/{@code --ignore}: rule ids or prefixes ({@code docker}, {@code docker/}, {@code docker/no-}). */
final class RuleSelection {
    private RuleSelection() {
    }

    static boolean selected(String ruleId, List<String> select, List<String> ignore) {
        return (select.isEmpty() || select.stream().anyMatch(s -> matches(ruleId, s)))
                && ignore.stream().noneMatch(s -> matches(ruleId, s));
    }

    static boolean matches(String ruleId, String pattern) {
        String p = pattern.strip();
        if (p.isEmpty()) {
            return false;
        }
        if (p.equals(ruleId)) {
            return true;
        }
        // "docker" and "docker/" select the pack; a longer prefix selects the rules whose id starts with it
        return p.indexOf('/') < 0 ? ruleId.startsWith(p + "/") : ruleId.startsWith(p);
    }
}
