package io.archlens.syntax.gha;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;

/** One step of a job, with its index in the job. */
public record Step(YMap map, int index) {
    public YNode get(String key) {
        return map.get(key);
    }

    public String text(String key) {
        return map.getText(key);
    }

    public YEntry entry(String key) {
        return map.entry(key);
    }

    /** The {@code uses:} scalar, or null. */
    public YScalar uses() {
        return map.get("uses") instanceof YScalar s ? s : null;
    }

    /** The {@code run:} scalar, or null. */
    public YScalar run() {
        return map.get("run") instanceof YScalar s ? s : null;
    }

    /** True when the step uses {@code owner/repo} (any path and ref), case-insensitively. */
    public boolean usesAction(String ownerRepo) {
        YScalar u = uses();
        if (u == null) {
            return false;
        }
        String v = u.value().toLowerCase(Locale.ROOT);
        String want = ownerRepo.toLowerCase(Locale.ROOT);
        return v.startsWith(want + "@") || v.startsWith(want + "/");
    }

    /** A {@code with:} input as text, or null. */
    public String with(String key) {
        YNode w = map.get("with");
        return w instanceof YMap m ? m.getText(key) : null;
    }

    public YNode withNode(String key) {
        YNode w = map.get("with");
        return w instanceof YMap m ? m.get(key) : null;
    }

    public String label() {
        String n = text("name");
        if (n != null) {
            return n;
        }
        YScalar u = uses();
        if (u != null) {
            return u.value();
        }
        return "step " + (index + 1);
    }
}
