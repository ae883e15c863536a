package io.archlens.syntax.hcl;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * An HCL expression: its exact source range plus a light value model. Literals, strings (plain, templated or
 * heredoc), tuples, objects, references (traversals), function calls; anything else (operators,
 * conditionals, {@code for} expressions, splats on computed values) is an {@link Other} keeping its children.
 */
public sealed interface HclExpr {
    TextRange range();

    /** Direct sub-expressions, in source order. */
    List<HclExpr> children();

    /** A string literal (quoted or heredoc). {@code value} has escapes applied; interpolations stay as written. */
    record Str(String value, List<HclExpr> interpolations, boolean template, boolean heredoc, TextRange range)
            implements HclExpr {
        public Str {
            interpolations = List.copyOf(interpolations);
        }

        @Override
        public List<HclExpr> children() {
            return interpolations;
        }
    }

    /** A number literal as written. */
    record Num(String text, TextRange range) implements HclExpr {
        public Double value() {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public List<HclExpr> children() {
            return List.of();
        }
    }

    record Bool(boolean value, TextRange range) implements HclExpr {
        @Override
        public List<HclExpr> children() {
            return List.of();
        }
    }

    record Null(TextRange range) implements HclExpr {
        @Override
        public List<HclExpr> children() {
            return List.of();
        }
    }

    /** {@code [a, b]}. */
    record Tuple(List<HclExpr> items, TextRange range) implements HclExpr {
        public Tuple {
            items = List.copyOf(items);
        }

        @Override
        public List<HclExpr> children() {
            return items;
        }
    }

    /** {@code {k = v, ...}}. */
    record Obj(List<ObjItem> items, TextRange range) implements HclExpr {
        public Obj {
            items = List.copyOf(items);
        }

        /** The value of the last item whose key is {@code name} (identifier or literal string key). */
        public HclExpr get(String name) {
            ObjItem it = item(name);
            return it == null ? null : it.value();
        }

        public ObjItem item(String name) {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (name.equals(items.get(i).keyName())) {
                    return items.get(i);
                }
            }
            return null;
        }

        @Override
        public List<HclExpr> children() {
            List<HclExpr> out = new java.util.ArrayList<>(items.size() * 2);
            for (ObjItem it : items) {
                out.add(it.key());
                out.add(it.value());
            }
            return out;
        }
    }

    /** One object element; {@code keyName} is null when the key is computed. */
    record ObjItem(HclExpr key, String keyName, HclExpr value) {
    }

    /**
     * A reference such as {@code var.name}, {@code aws_s3_bucket.logs.id} or {@code local.tags["x"]}: the root
     * name then attribute names; index steps are written {@code [0]}, {@code ["k"]} or {@code [*]}.
     */
    record Ref(List<String> parts, TextRange range) implements HclExpr {
        public Ref {
            parts = List.copyOf(parts);
        }

        public String path() {
            return String.join(".", parts);
        }

        /** True when the first parts equal {@code prefix} (e.g. {@code "aws_s3_bucket", "logs"}). */
        public boolean startsWith(String... prefix) {
            if (parts.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!parts.get(i).equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public List<HclExpr> children() {
            return List.of();
        }
    }

    /** {@code name(args...)}. */
    record Call(String name, TextRange nameRange, List<HclExpr> args, TextRange range) implements HclExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public List<HclExpr> children() {
            return args;
        }
    }

    /** Any other expression (operator, conditional, for, parenthesised, index on a computed value, invalid). */
    record Other(String kind, List<HclExpr> parts, TextRange range) implements HclExpr {
        public Other {
            parts = List.copyOf(parts);
        }

        @Override
        public List<HclExpr> children() {
            return parts;
        }
    }
}
