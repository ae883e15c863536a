package io.archlens.rules.terraform;

import io.archlens.analysis.RuleContext;
import io.archlens.analysis.SourceFile;
import io.archlens.syntax.hcl.HclFile;
import io.archlens.syntax.hcl.HclSource;
import io.archlens.syntax.hcl.eval.ModuleEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The evaluation environment of the analysed file's module, built once per analysis and shared by the rules
 * (they run one after the other on the same parsed file): one entry keyed by the parse's identity. Only the last
 * one is kept, so that a closed document's parse and environment do not outlive its analysis (an editor session
 * kept eight large ones alive); two files analysed at once rebuild theirs, which is correct, only slower.
 */
final class TfEnv {
    private record Entry(HclFile file, SourceFile source, HclSource self, ModuleEnv env) {
    }

    private static final int KEEP = 1;
    private static final Deque<Entry> RECENT = new ArrayDeque<>();

    private TfEnv() {
    }

    static HclSource self(HclFile f, RuleContext ctx) {
        return entry(f, ctx).self();
    }

    static ModuleEnv env(HclFile f, RuleContext ctx) {
        return entry(f, ctx).env();
    }

    private static Entry entry(HclFile f, RuleContext ctx) {
        SourceFile file = ctx.file();
        synchronized (RECENT) {
            for (Entry e : RECENT) {
                if (e.file() == f && e.source() == file) {
                    return e;
                }
            }
        }
        HclSource self = new HclSource(file.uri(), file.name(), file.lines(), f);
        Path local = file.localPath();
        Path dir = local != null && local.getParent() != null && Files.isDirectory(local.getParent())
                ? local.getParent() : null;
        Entry e = new Entry(f, file, self, ModuleEnv.root(self, dir));
        synchronized (RECENT) {
            RECENT.addFirst(e);
            while (RECENT.size() > KEEP) {
                RECENT.removeLast();
            }
        }
        return e;
    }
}
