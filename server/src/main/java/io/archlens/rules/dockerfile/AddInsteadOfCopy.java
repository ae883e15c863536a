package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;
import java.util.Locale;

/** ADD of plain local files, where COPY says the same with no hidden archive extraction or downloads. */
final class AddInsteadOfCopy implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("add-instead-of-copy", "ADD used where COPY suffices",
            Severity.WARNING, Category.MAINTAINABILITY).withFix();
    /**
     * Names ADD may unpack. A compressed file without {@code .tar} in its name ({@code data.gz}) may still hold a
     * tar stream, which ADD extracts: such a source is not reported either.
     */
    private static final String[] ARCHIVES = {".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".gz", ".bz2",
        ".xz", ".zst", ".lz", ".lzma"};

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : Docker.of(d.instructions(), "ADD")) {
            if (ins.flag("checksum") != null || ins.flag("keep-git-dir") != null) {
                continue;
            }
            List<Word> sources = sources(ins);
            if (sources.isEmpty() && ins.heredocs().isEmpty()) {
                continue;
            }
            boolean plain = true;
            for (Word w : sources) {
                String t = w.text().toLowerCase(Locale.ROOT);
                if (t.contains("://") || t.startsWith("git@") || t.contains("$") || isArchive(t)) {
                    plain = false;
                }
            }
            if (!plain) {
                continue;
            }
            String kw = ctx.file().slice(ins.keywordRange());
            String copy = kw.equals(kw.toLowerCase(Locale.ROOT)) ? "copy" : "COPY";
            ctx.report(ins.keywordRange(), "ADD of local files behaves like COPY but also unpacks archives and "
                    + "fetches URLs, which hides what this line does; use COPY",
                    Fix.safe("Replace ADD with COPY", Edit.replace(ins.keywordRange(), copy)));
        }
    }

    /** The source words of ADD/COPY (exec form included): all but the destination, heredoc markers excluded. */
    static List<Word> sources(Instruction ins) {
        List<Word> w = ins.isExecForm() ? ins.execArgs() : ins.words();
        if (w.size() < 2) {
            return List.of();
        }
        return w.subList(0, w.size() - 1).stream().filter(x -> !x.text().startsWith("<<")).toList();
    }

    static boolean isArchive(String lower) {
        for (String a : ARCHIVES) {
            if (lower.endsWith(a)) {
                return true;
            }
        }
        return false;
    }
}
