package io.archlens.rules.arch;

import io.archlens.model.FileFacts;
import io.archlens.model.Loc;
import io.archlens.model.SourceFacts.TableOp;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schema a workload's SQL files build, replayed in order: schema files without a version first, then
 * versioned migrations by version (undo scripts skipped). The SQL under the workload's build context, else every
 * SQL file of the project.
 */
final class Schema {
    /** A column's history: where it was created or added, and the drop or rename that removed it last. */
    static final class Column {
        Loc added;
        Loc removed;
        String renamedTo;
    }

    static final class Table {
        final String name;
        Loc created;
        Loc removed;
        boolean anyColumns;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<List<String>> indexes = new ArrayList<>();

        Table(String name) {
            this.name = name;
        }

        boolean indexed(String column) {
            for (List<String> i : indexes) {
                if (!i.isEmpty() && i.get(0).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    final List<FileFacts> files;
    final Map<String, Table> tables = new LinkedHashMap<>();

    private Schema(List<FileFacts> files) {
        this.files = files;
    }

    /** Null when the workload has no SQL that creates a table (nothing to compare with). */
    static Schema of(SystemModel model, Node n) {
        List<FileFacts> files = new ArrayList<>(n.binding().schemas());
        if (files.isEmpty()) {
            for (FileFacts f : model.files()) {
                if (f.schema() != null) {
                    files.add(f);
                }
            }
        }
        files.removeIf(f -> f.schema().down());
        files.sort(Comparator.comparing((FileFacts f) -> f.schema().version() == null ? 0 : 1)
                .thenComparing((a, b) -> version(a.schema().version(), b.schema().version()))
                .thenComparing(FileFacts::path));
        Schema s = new Schema(files);
        for (FileFacts f : files) {
            for (TableOp op : f.schema().ops()) {
                s.apply(op);
            }
        }
        return s.tables.values().stream().anyMatch(t -> t.created != null) ? s : null;
    }

    boolean migrations() {
        return files.stream().anyMatch(f -> f.schema().migration());
    }

    Table table(String name) {
        return tables.get(name.toLowerCase(Locale.ROOT));
    }

    /** "db/migration (3 files)" for messages. */
    String describe() {
        if (files.isEmpty()) {
            return "no SQL";
        }
        String dir = io.archlens.model.Paths.parent(files.get(0).path());
        return (dir.isEmpty() ? "." : dir) + " (" + files.size() + (files.size() == 1 ? " SQL file)" : " SQL files)");
    }

    private void apply(TableOp op) {
        String name = op.table().toLowerCase(Locale.ROOT);
        Table t = tables.computeIfAbsent(name, Table::new);
        switch (op.op()) {
            case CREATE_TABLE -> {
                t.created = op.loc();
                t.removed = null;
                for (String c : op.columns()) {
                    if (c.equals("*")) {
                        t.anyColumns = true;
                    } else {
                        column(t, c).added = op.loc();
                        column(t, c).removed = null;
                    }
                }
            }
            case DROP_TABLE -> t.removed = op.loc();
            case ADD_COLUMN -> {
                for (String c : op.columns()) {
                    column(t, c).added = op.loc();
                    column(t, c).removed = null;
                }
            }
            case DROP_COLUMN -> {
                for (String c : op.columns()) {
                    column(t, c).removed = op.loc();
                }
            }
            case RENAME_COLUMN -> {
                for (String c : op.columns()) {
                    Column old = column(t, c);
                    old.removed = op.loc();
                    old.renamedTo = op.newName();
                }
                if (op.newName() != null) {
                    column(t, op.newName()).added = op.loc();
                    column(t, op.newName()).removed = null;
                }
            }
            case RENAME_TABLE -> {
                if (op.newName() != null) {
                    Table to = tables.computeIfAbsent(op.newName().toLowerCase(Locale.ROOT), Table::new);
                    to.created = t.created;
                    to.anyColumns = t.anyColumns;
                    to.columns.putAll(t.columns);
                    to.indexes.addAll(t.indexes);
                    t.removed = op.loc();
                }
            }
            case INDEX -> t.indexes.add(op.columns());
            default -> {
            }
        }
    }

    private static Column column(Table t, String name) {
        return t.columns.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Column());
    }

    private static int version(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
