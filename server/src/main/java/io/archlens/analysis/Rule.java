package io.archlens.analysis;

/**
 * One check over a parsed model of type {@code M}. Implementations are small, stateless and thread-safe;
 * they report through the context and never throw on odd input (if one does, the engine catches it).
 */
public interface Rule<M> {
    RuleMeta meta();

    void check(M model, RuleContext ctx);
}
