package io.archlens.model;

import io.archlens.code.CodeFacts;
import java.util.List;

/**
 * What the files beside the configuration contribute to the model: a source file's code facts, a SQL file's
 * schema changes, an OpenAPI document's operations. Immutable records with {@link Loc}s, like {@link Facts}.
 */
public final class SourceFacts {
    private SourceFacts() {
    }

    /** A production source file's language-neutral facts (test code is left out). */
    public record Code(CodeFacts facts) {
    }

    /** One schema change of a SQL file, in file order. */
    public record TableOp(Op op, String table, List<String> columns, String newName, Loc loc) {
        public enum Op { CREATE_TABLE, DROP_TABLE, ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RENAME_TABLE, INDEX }

        public TableOp {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A SQL file's changes to the schema. {@code migration}: applied by a migration tool (Flyway, Liquibase, a
     * migrations folder); {@code version} sorts the files of one tool (Flyway's {@code V2_1__x.sql} -> "2.1"),
     * null when the name carries none; {@code down} for undo scripts (ignored).
     */
    public record Schema(boolean migration, String tool, String version, boolean down, List<TableOp> ops) {
        public Schema {
            ops = List.copyOf(ops);
        }
    }

    /** One operation of an OpenAPI document. */
    public record ApiOp(String method, String path, Loc loc) {
    }

    /**
     * An OpenAPI document: its operations and the path prefixes of its server URLs ({@code /api} from
     * {@code https://x/api}), and the hosts those URLs name.
     */
    public record ApiSpec(String title, List<ApiOp> ops, List<String> prefixes, List<String> hosts) {
        public ApiSpec {
            ops = List.copyOf(ops);
            prefixes = List.copyOf(prefixes);
            hosts = List.copyOf(hosts);
        }
    }
}
