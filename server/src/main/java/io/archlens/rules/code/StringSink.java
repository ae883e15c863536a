package io.archlens.rules.code;

import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.code.CodeModel;
import io.archlens.code.Sink;
import java.util.HashSet;
import java.util.Set;

/**
 * A SQL statement or command line assembled from values (concatenation, format, template, builder) and handed to
 * a sink that interprets it: the injection shape, judged on {@link Sink} facts of any language. Values of types
 * that cannot carry text (numbers, UUIDs) and constants do not count; a value of unknown provenance passed as a
 * whole is not reported (it may be a constant from elsewhere).
 */
public final class StringSink<M extends CodeModel> extends CodeRule<M> {
    private final Sink.Kind kind;

    public StringSink(RuleMeta meta, Sink.Kind kind) {
        super(meta);
        this.kind = kind;
    }

    @Override
    protected void judge(M model, RuleContext ctx) {
        Set<Integer> seen = new HashSet<>();
        for (Sink s : model.facts().sinks()) {
            if (s.kind() != kind || !s.built().assembledFromValues() || !seen.add(s.argument().start())) {
                continue;
            }
            String value = ctx.file().slice(s.built().dynamicParts().get(0));
            String built = s.built().describe() + " with " + (value.length() > 40 ? value.substring(0, 40) + "…" : value);
            String what = switch (kind) {
                case SQL -> "SQL passed to " + s.api() + " is built by " + built
                        + ": a value containing a quote changes the statement; use bind parameters (?, :name) "
                        + "and pass the values separately";
                case COMMAND -> s.api().endsWith(".loadLibrary") || s.api().endsWith(".load")
                        ? "The native library loaded by " + s.api() + " is named by " + built + ": a value that names "
                        + "another file loads and runs that code in the server; load only fixed library names"
                        : (s.shell() ? "A shell script" : "A command line") + " passed to " + s.api()
                        + " is built by " + built + ": a value with shell metacharacters or spaces runs or passes "
                        + "something else; pass the program and each argument as separate list elements, no shell";
                case EXPRESSION -> "The expression evaluated by " + s.api() + " is built by " + built
                        + ": a value that carries expression syntax runs code on the server; evaluate a fixed "
                        + "expression and pass the values as variables of its context";
                case LDAP -> "The LDAP filter passed to " + s.api() + " is built by " + built
                        + ": a value with *, ( or ) rewrites the filter (logins without a password, directory "
                        + "dumps); use a filter with {0} placeholders and pass the values as filter arguments";
            };
            ctx.report(s.argument(), what);
        }
    }
}
