package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A decompressing reader ({@code gzip}/{@code zlib}/{@code flate}/{@code bzip2}/{@code lzw}/{@code zstd}
 * {@code NewReader}, or a zip entry's {@code f.Open()}) read to its end with {@code io.Copy},
 * {@code io.CopyBuffer}, {@code io.ReadAll} or {@code ioutil.ReadAll}: a small archive with a high compression ratio
 * expands to gigabytes and fills the memory or the disk. {@code io.CopyN} and {@code io.LimitReader} bound it.
 */
final class DecompressionUnbounded extends GoRule {
    private static final Set<String> READ_ALL = Set.of("io.Copy", "io.CopyBuffer", "io.ReadAll", "ioutil.ReadAll");
    private static final Pattern DECOMPRESSOR = Pattern.compile(
            "(gzip|zlib|flate|bzip2|lzw|zstd|snappy|lz4|xz)\\.New(Reader|ReaderDict)");

    DecompressionUnbounded() {
        super(go("decompression-unbounded", "Decompressed data read without a limit", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            if (!READ_ALL.contains(callee)) {
                continue;
            }
            SyntaxNode src = Go.unwrap(Go.arg(call, callee.endsWith("ReadAll") ? 0 : 1));
            String what = src != null && src.is("identifier") ? decompressed(t, src) : null;
            if (what != null) {
                ctx.report(src.range(), src.text() + " is " + what + ", read to its end by " + callee + ": a small "
                        + "archive with a high compression ratio expands to gigabytes and fills the memory or the "
                        + "disk; read at most a limit (io.CopyN, io.LimitReader) and fail beyond it");
            }
        }
    }

    /** What the reader is when its last assignment before the use decompresses, null otherwise. */
    private static String decompressed(CodeTree t, SyntaxNode id) {
        SyntaxNode fn = Go.function(id);
        SyntaxNode body = fn == null ? null : fn.field("body");
        String what = null;
        for (SyntaxNode s : body == null ? java.util.List.<SyntaxNode>of()
                : body.descendants("short_var_declaration", "assignment_statement")) {
            SyntaxNode left = s.field("left");
            SyntaxNode right = s.field("right");
            if (s.start() >= id.start() || left == null || right == null || left.namedChildren().isEmpty()
                    || !left.namedChildren().get(0).text().equals(id.text()) || right.namedChildren().isEmpty()) {
                continue;
            }
            SyntaxNode v = Go.unwrap(right.namedChildren().get(0));
            String callee = v.is("call_expression") ? Go.callee(v) : "";
            if (DECOMPRESSOR.matcher(callee).matches()) {
                what = "a " + callee.substring(0, callee.indexOf('.')) + " stream (made at line "
                        + Go.line(t, s) + ")";
            } else if (Go.method(v).equals("Open") && Go.args(v).isEmpty() && zipEntry(Go.receiver(v)) != null) {
                SyntaxNode archive = zipEntry(Go.receiver(v));
                what = "a zip entry (of the archive opened at line " + Go.line(t, archive) + ")";
            } else {
                what = null;
            }
        }
        return what;
    }

    /**
     * {@code f} of {@code for _, f := range r.File}: the statement that opened {@code r} when the function shows it,
     * else the loop; null when the receiver is no zip entry.
     */
    private static SyntaxNode zipEntry(SyntaxNode recv) {
        if (recv == null || !recv.is("identifier")) {
            return null;
        }
        for (SyntaxNode loop = recv.ancestor("for_statement"); loop != null; loop = loop.ancestor("for_statement")) {
            SyntaxNode range = loop.namedChildren().stream().filter(c -> c.is("range_clause")).findFirst().orElse(null);
            SyntaxNode left = range == null ? null : range.field("left");
            SyntaxNode right = range == null ? null : range.field("right");
            if (left != null && right != null && right.text().endsWith(".File") && left.namedChildren().stream()
                    .anyMatch(n -> n.text().equals(recv.text()))) {
                String archive = right.text().substring(0, right.text().length() - ".File".length());
                SyntaxNode fn = Go.function(loop);
                SyntaxNode opened = null;
                for (SyntaxNode s : fn == null ? java.util.List.<SyntaxNode>of()
                        : fn.descendants("short_var_declaration", "assignment_statement")) {
                    SyntaxNode l = s.field("left");
                    if (s.start() < loop.start() && l != null && !l.namedChildren().isEmpty()
                            && l.namedChildren().get(0).text().equals(archive)) {
                        opened = s;
                    }
                }
                return opened != null ? opened : loop;
            }
        }
        return null;
    }
}
