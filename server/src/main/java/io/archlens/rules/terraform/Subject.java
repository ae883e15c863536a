package io.archlens.rules.terraform;

import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleContext;
import io.archlens.core.TextRange;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclSource;
import io.archlens.syntax.hcl.eval.Loc;
import io.archlens.syntax.hcl.eval.ModuleEnv;
import io.archlens.syntax.hcl.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A resource judged with evaluated values. Judged in the analysed file ({@link #local()}), a finding goes on the
 * attribute, with related locations where its value came from (a variable default, a {@code .tfvars} file, a
 * local). Judged inside a module the analysed file calls, only values that arrive through the call's arguments
 * count: the finding goes on the argument, with a related location pointing at the resource in the module; the
 * module's own problems are reported when the module's files are analysed.
 */
final class Subject {
    /** An attribute and its value; {@code value} is unknown when it cannot be evaluated. */
    record Attr(HclAttribute attr, Value value) {
        Boolean bool() {
            return value.known() ? value.bool() : null;
        }

        Double num() {
            return value.known() ? value.num() : null;
        }

        String str() {
            return value.known() ? value.str() : null;
        }

        boolean isFalse() {
            return Boolean.FALSE.equals(bool());
        }

        boolean isTrue() {
            return Boolean.TRUE.equals(bool());
        }

        /** Written as a literal right here (a fix may edit it). */
        boolean literal() {
            return value.trace().isEmpty();
        }
    }

    private final HclBlock block;
    private final HclSource file;
    private final ModuleEnv env;
    private final RuleContext ctx;
    private final Set<String> reported;

    Subject(HclBlock block, HclSource file, ModuleEnv env, RuleContext ctx, Set<String> reportedThroughCalls) {
        this.block = block;
        this.file = file;
        this.env = env;
        this.ctx = ctx;
        this.reported = reportedThroughCalls;
    }

    HclBlock block() {
        return block;
    }

    String type() {
        return block.label(0);
    }

    String name() {
        return block.label(1);
    }

    /** Judged in the analysed file itself (not through a module call). */
    boolean local() {
        return reported == null;
    }

    /** The file holding the resource. */
    HclSource file() {
        return file;
    }

    RuleContext ctx() {
        return ctx;
    }

    ModuleEnv env() {
        return env;
    }

    Attr attr(String name) {
        return attr(block, name);
    }

    /** The attribute {@code name} of {@code in} (this resource or one of its nested blocks), or null. */
    Attr attr(HclBlock in, String name) {
        HclAttribute a = in.attr(name);
        return a == null ? null : new Attr(a, env.eval(in.body(), a.value()));
    }

    /** {@code e} written in {@code in} (a dynamic block's content sees its iterator). */
    Value eval(HclBlock in, io.archlens.syntax.hcl.HclExpr e) {
        return env.eval(in.body(), e);
    }

    /** Nested blocks of {@code type} in {@code in}, {@code dynamic} ones included. */
    List<HclBlock> blocks(HclBlock in, String type) {
        return env.blocks(in.body(), type);
    }

    HclBlock block(HclBlock in, String type) {
        List<HclBlock> bs = blocks(in, type);
        return bs.isEmpty() ? null : bs.get(0);
    }

    /** Something missing from the resource: reported on {@code range} when judged locally, else not at all. */
    void missing(TextRange range, String message, Fix fix) {
        if (local()) {
            Tf.report(ctx, range, message, fix);
        }
    }

    /**
     * A fix adding the line {@code attrText} to {@code in} (this resource or one of its blocks); null when judged
     * through a module call, where the block is in another file (and a missing argument is not reported).
     */
    Fix addAttribute(HclBlock in, String attrText, boolean safe) {
        return local() ? Tf.addAttribute(ctx.file(), in, attrText, safe) : null;
    }

    /** A missing argument reported on the resource's name. */
    void missing(String message, Fix fix) {
        missing(block.nameRange(), message, fix);
    }

    /** "the value comes from the default of var.x", "... from local.y", "var.z is set in prod.tfvars". */
    static String origin(String note) {
        if (note.contains(" is set in ")) {
            return note;
        }
        return "the value comes from " + (note.startsWith("local.") ? "" : "the ") + note;
    }

    /** The folder and name of a file: {@code db/main.tf}. */
    private static String shortPath(String uri) {
        int last = uri.lastIndexOf('/');
        int before = last > 0 ? uri.lastIndexOf('/', last - 1) : -1;
        return uri.substring(before + 1);
    }

    /**
     * A bad value: on the attribute (locally) or on the call argument it came through. False when nothing was
     * reported (through a call, the value did not come through one of its arguments).
     */
    boolean bad(Attr a, String message, Fix literalFix) {
        List<Loc> trace = a.value().trace();
        if (local()) {
            List<Related> rel = new ArrayList<>();
            for (Loc l : trace) {
                rel.add(new Related(l.uri(), l.start(), l.end(), l.note()));
            }
            String origin = trace.isEmpty() ? "" : " (" + origin(trace.get(0).note()) + ")";
            List<Fix> fixes = new ArrayList<>();
            if (literalFix != null && a.literal()) {
                fixes.add(literalFix);
            }
            ctx.report(a.attr().value().range(), message + origin, fixes, rel);
            return true;
        }
        Loc at = null;
        for (Loc l : trace) {
            if (l.argument() && l.uri().equals(ctx.file().uri())) {
                at = l;
            }
        }
        if (at == null) {
            return false;
        }
        if (!reported.add(ctx.meta().id() + "@" + at.range().start())) {
            return true;
        }
        List<Related> rel = new ArrayList<>();
        rel.add(new Related(file.uri(), file.position(a.attr().range().start()), file.position(a.attr().range().end()),
                a.attr().name() + " of " + block.address() + " in " + file.name()));
        for (Loc l : trace) {
            if (l != at) {
                rel.add(new Related(l.uri(), l.start(), l.end(), l.note()));
            }
        }
        ctx.report(at.range(), message + " (passed in as the " + at.note() + "; it reaches " + block.address()
                + " in " + shortPath(file.uri()) + ")", List.of(), rel);
        return true;
    }
}
