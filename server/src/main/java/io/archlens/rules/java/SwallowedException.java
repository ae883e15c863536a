package io.archlens.rules.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import java.util.Set;

/**
 * An empty {@code catch} (no statement, no comment) after a {@code try} that does I/O or remote work: the failure
 * disappears. Catches that only close resources, that catch {@code InterruptedException}, or whose variable is
 * named {@code ignored}/{@code expected} say it is on purpose.
 */
final class SwallowedException extends JavaRule {
    private static final Set<String> IO_TYPES = Set.of("Exception", "Throwable", "IOException", "UncheckedIOException",
            "SQLException", "DataAccessException", "RestClientException", "WebClientException", "HttpClientErrorException",
            "JMSException", "KafkaException", "AmqpException", "TimeoutException", "ExecutionException",
            "RuntimeException", "FileNotFoundException", "SocketException", "SocketTimeoutException");
    private static final Set<String> QUIET = Set.of("close", "closeQuietly", "shutdown", "shutdownNow", "delete",
            "deleteIfExists", "sleep", "join", "await");

    SwallowedException() {
        super(java("swallowed-exception", "Exception swallowed by an empty catch", Severity.WARNING,
                Category.OBSERVABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (CatchClause c : f.all(CatchClause.class)) {
            String var = c.getParameter().getNameAsString().toLowerCase(java.util.Locale.ROOT);
            if (!c.getBody().getStatements().isEmpty() || hasComment(c) || var.startsWith("ignore")
                    || var.equals("expected") || var.equals("ok")) {
                continue;
            }
            String type = c.getParameter().getType().asString();
            boolean io = false;
            for (String t : type.split("\\|")) {
                String simple = t.trim().substring(t.trim().lastIndexOf('.') + 1);
                io |= IO_TYPES.contains(simple);
            }
            TryStmt t = c.findAncestor(TryStmt.class).orElse(null);
            boolean work = t != null && t.getTryBlock().findAll(MethodCallExpr.class).stream()
                    .anyMatch(m -> !QUIET.contains(m.getNameAsString()));
            if (io && work) {
                ctx.report(f.range(c.getParameter()), "The " + type + " is caught and dropped: the failure leaves no "
                        + "trace and the code goes on as if it had worked; log it, rethrow it, or handle it (say why in "
                        + "a comment when ignoring it is right)");
            }
        }
    }

    private static boolean hasComment(CatchClause c) {
        return c.getBody().getTokenRange().map(r -> {
            for (JavaToken t : r) {
                if (t.getCategory().isComment()) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
