package io.archlens.rules.code;

import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.code.CodeModel;
import io.archlens.code.HttpClientFact;
import java.util.function.Predicate;

/**
 * An HTTP client of one library built without the timeout that bounds a call, written against
 * {@link io.archlens.code.HttpClientFact}s so every language that produces them shares it.
 */
public final class MissingTimeout<M extends CodeModel> extends CodeRule<M> {
    private final String library;
    private final Predicate<HttpClientFact> missing;
    private final String advice;

    /**
     * Reports facts of {@code library} that wait for the answer without limit; the message is the fact's
     * {@code what} followed by {@code advice} ("sets no read timeout: ...").
     */
    public MissingTimeout(RuleMeta meta, String library, String advice) {
        this(meta, library, HttpClientFact::waitsForever, advice);
    }

    public MissingTimeout(RuleMeta meta, String library, Predicate<HttpClientFact> missing, String advice) {
        super(meta);
        this.library = library;
        this.missing = missing;
        this.advice = advice;
    }

    @Override
    protected void judge(M model, RuleContext ctx) {
        for (HttpClientFact c : model.facts().httpClients()) {
            if (c.library().equals(library) && missing.test(c)) {
                ctx.report(c.range(), c.what() + " " + advice);
            }
        }
    }
}
