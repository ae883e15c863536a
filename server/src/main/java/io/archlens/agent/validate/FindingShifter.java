package io.archlens.agent.validate;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Fixes;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries agent findings from the text they were computed on to an edited text, so a review stays visible
 * while the user types: the edit is the single region where the texts differ; findings before it keep their
 * range, findings after it move with it, and findings (or fixes) that touch it are dropped, since the text
 * they were about has changed.
 */
public final class FindingShifter {
    private FindingShifter() {
    }

    public static List<Finding> carry(List<Finding> findings, String oldText, String newText) {
        if (findings.isEmpty() || oldText.equals(newText)) {
            return findings;
        }
        Edit edit = Fixes.minimalEdit(oldText, newText);
        TextRange changed = edit.range();
        int delta = edit.newText().length() - changed.length();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            TextRange r = move(f.range(), changed, delta);
            if (r == null) {
                continue;
            }
            List<Fix> fixes = new ArrayList<>();
            for (Fix fix : f.fixes()) {
                List<Edit> moved = new ArrayList<>();
                for (Edit e : fix.edits()) {
                    TextRange er = move(e.range(), changed, delta);
                    if (er == null) {
                        moved = null;
                        break;
                    }
                    moved.add(new Edit(er, e.newText()));
                }
                if (moved != null) {
                    fixes.add(new Fix(fix.title(), moved, fix.safe()));
                }
            }
            out.add(new Finding(f.ruleId(), f.severity(), f.category(), r, f.message(), f.explanation(), fixes,
                    f.related(), f.tags(), f.source(), f.confidence()));
        }
        return out;
    }

    /** The range after the edit, or null when the edit touches it (adjacent typing counts as touching). */
    private static TextRange move(TextRange r, TextRange changed, int delta) {
        if (r.end() < changed.start()) {
            return r;
        }
        if (r.start() > changed.end()) {
            return r.shift(delta);
        }
        return null;
    }
}
