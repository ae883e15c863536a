package io.archlens.rules.terraform;

import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Helpers of the grouped setting rules: an argument read through nested blocks ({@code "cluster_config.instance_count"})
 * with evaluated values, and the common judgements (a flag that must hold, a value from a list).
 */
final class TfArgs {
    private TfArgs() {
    }

    /** The nested block at {@code path} ("a.b"), or null when one of them is missing. */
    static HclBlock nested(Subject s, String path) {
        HclBlock at = s.block();
        if (path.isEmpty()) {
            return at;
        }
        for (String part : path.split("\\.")) {
            at = s.block(at, part);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The argument at {@code path} ("block.block.argument"), or null when it or a block on the way is missing. */
    static Subject.Attr attr(Subject s, String path) {
        int dot = path.lastIndexOf('.');
        HclBlock holder = dot < 0 ? s.block() : nested(s, path.substring(0, dot));
        return holder == null ? null : s.attr(holder, path.substring(dot + 1));
    }

    /**
     * A flag that should be {@code want}: a known other value is reported on the value; a missing argument is
     * reported (on the resource's name) when {@code missingMessage} is not null. True when something was reported.
     */
    static boolean flag(Subject s, String path, boolean want, String badMessage, String missingMessage) {
        Subject.Attr a = attr(s, path);
        if (a == null) {
            if (missingMessage != null) {
                s.missing(missingMessage, null);
                return true;
            }
            return false;
        }
        Boolean b = a.bool();
        if (b != null && b != want) {
            s.bad(a, badMessage, null);
            return true;
        }
        return false;
    }

    /** The strings of a known list (or of a single string); null when unknown. */
    static List<String> strings(Value v) {
        if (v == null || !v.known()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.list() != null) {
            for (Value i : v.list()) {
                if (!i.known() || i.str() == null) {
                    return null;
                }
                out.add(i.str());
            }
        } else if (v.str() != null) {
            out.add(v.str());
        } else {
            return null;
        }
        return out;
    }

    /** True when the value is a known string equal (ignoring case) to one of {@code values}. */
    static boolean is(Subject.Attr a, String... values) {
        String v = a == null ? null : a.str();
        if (v == null) {
            return false;
        }
        for (String x : values) {
            if (v.toLowerCase(Locale.ROOT).equals(x.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
