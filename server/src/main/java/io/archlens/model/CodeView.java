package io.archlens.model;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.Entity;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.code.ServiceUrl;
import io.archlens.core.TextRange;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The code a workload runs, as the cross-file rules read it: the code facts of the source files under its build
 * context ({@link SystemModel.Binding#code()}), each with the file it came from, and entities merged with the
 * finder methods of their repositories.
 */
public final class CodeView {
    private CodeView() {
    }

    /** A fact and where it is written. */
    public record At<T>(T fact, FileFacts file, Loc loc) {
        /** True when the text at the fact's location is a quoted literal (a name written out, not derived). */
        public boolean written() {
            String t = file.file().slice(loc.range());
            return !t.isEmpty() && (t.charAt(0) == '"' || t.charAt(0) == '\'' || t.charAt(0) == '`');
        }
    }

    /** An entity with its columns and the finders of its repositories, from any file of the workload. */
    public record Mapped(String name, At<String> table, List<At<Entity.Column>> columns, List<At<Entity.Finder>> finders) {
        public At<Entity.Column> column(String name) {
            for (At<Entity.Column> c : columns) {
                if (c.fact().name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    public static boolean hasCode(Node n) {
        return !n.binding().code().isEmpty();
    }

    public static List<At<ConfigRead>> reads(Node n) {
        return collect(n, CodeFacts::configReads, ConfigRead::range);
    }

    public static List<At<Route>> routes(Node n) {
        return collect(n, CodeFacts::routes, Route::range);
    }

    public static List<At<io.archlens.code.Mount>> mounts(Node n) {
        return collect(n, CodeFacts::mounts, io.archlens.code.Mount::range);
    }

    public static List<At<Listen>> listens(Node n) {
        return collect(n, CodeFacts::listens, Listen::range);
    }

    public static List<At<ServiceUrl>> urls(Node n) {
        return collect(n, CodeFacts::urls, ServiceUrl::range);
    }

    /** Files whose code runs a server that does not handle SIGTERM (and no file of the workload handles it). */
    public static List<FileFacts> unhandledShutdown(Node n) {
        List<FileFacts> out = new ArrayList<>();
        for (FileFacts f : n.binding().code()) {
            CodeFacts.Shutdown s = f.code().facts().shutdown();
            if (s == CodeFacts.Shutdown.HANDLED) {
                return List.of();
            }
            if (s == CodeFacts.Shutdown.NOT_HANDLED) {
                out.add(f);
            }
        }
        return out;
    }

    /** The workload's entities by name; repositories' finders join the entity they name. */
    public static List<Mapped> entities(Node n) {
        Map<String, At<String>> tables = new LinkedHashMap<>();
        Map<String, List<At<Entity.Column>>> cols = new LinkedHashMap<>();
        Map<String, List<At<Entity.Finder>>> finders = new LinkedHashMap<>();
        for (FileFacts f : n.binding().code()) {
            for (Entity e : f.code().facts().entities()) {
                if (e.table() != null) {
                    tables.putIfAbsent(e.name(), new At<>(e.table(), f, f.loc(e.range())));
                    List<At<Entity.Column>> l = cols.computeIfAbsent(e.name(), k -> new ArrayList<>());
                    for (Entity.Column c : e.columns()) {
                        l.add(new At<>(c, f, f.loc(c.range())));
                    }
                }
                for (Entity.Finder fi : e.finders()) {
                    finders.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(new At<>(fi, f, f.loc(fi.range())));
                }
            }
        }
        List<Mapped> out = new ArrayList<>();
        for (Map.Entry<String, At<String>> e : tables.entrySet()) {
            out.add(new Mapped(e.getKey(), e.getValue(), cols.getOrDefault(e.getKey(), List.of()),
                    finders.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static <T> List<At<T>> collect(Node n, Function<CodeFacts, List<T>> get, Function<T, TextRange> range) {
        List<At<T>> out = new ArrayList<>();
        for (FileFacts f : n.binding().code()) {
            for (T t : get.apply(f.code().facts())) {
                out.add(new At<>(t, f, f.loc(range.apply(t))));
            }
        }
        return out;
    }
}
