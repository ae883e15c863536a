package io.archlens.rules.java;

import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;

/**
 * File permissions that let every local user write: {@code PosixFilePermissions.fromString("rw-rw-rw-")} (the
 * others' write bit), {@code PosixFilePermission.OTHERS_WRITE}, or {@code setWritable(true, false)}.
 */
final class WorldWritableFile extends JavaRule {
    private static final String WHY = " lets every user and process on the host change the file (a script or "
            + "configuration the service later runs or trusts); give write access to the owner only";

    WorldWritableFile() {
        super(java("world-writable-file", "File made writable by everyone", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String scope = c.getScope().map(f::printed).orElse("");
            if (c.getNameAsString().equals("fromString") && scope.endsWith("PosixFilePermissions")
                    && c.getArguments().size() == 1 && c.getArgument(0).isStringLiteralExpr()) {
                String p = c.getArgument(0).asStringLiteralExpr().getValue();
                if (p.length() == 9 && p.charAt(7) == 'w') {
                    ctx.report(f.range(c.getArgument(0)), "Permissions \"" + p + "\"" + WHY);
                }
            } else if (c.getNameAsString().equals("setWritable") && c.getArguments().size() == 2
                    && c.getArgument(0).toString().equals("true") && c.getArgument(1).toString().equals("false")) {
                ctx.report(f.range(c), "setWritable(true, false)" + WHY);
            }
        }
        for (FieldAccessExpr a : f.all(FieldAccessExpr.class)) {
            if (a.getNameAsString().equals("OTHERS_WRITE") && a.getScope().toString().endsWith("PosixFilePermission")) {
                ctx.report(f.range(a), "OTHERS_WRITE" + WHY);
            }
        }
    }
}
