package io.archlens.rules.compose;

import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/** Small helpers several Compose rules share. */
final class ComposeSupport {
    private ComposeSupport() {
    }

    /**
     * What rules about a missing setting judge: each service with the keys it inherits through {@code extends}
     * ({@link ComposeService#effective()}), leaving out services that extend one of another file (part of their
     * settings are not visible here; the base is checked in its own file).
     */
    static List<ComposeService> fullyVisible(ComposeFile f) {
        List<ComposeService> out = new java.util.ArrayList<>();
        for (ComposeService s : f.services()) {
            if (!s.partial()) {
                out.add(s.effective());
            }
        }
        return out;
    }

    /**
     * A one-shot service (a migration or seed job): others wait for it to complete, or it opts out of
     * restarts. Long-running hardening advice does not apply to it.
     */
    static boolean oneShot(ComposeFile f, ComposeService s) {
        String restart = s.text("restart");
        if (restart != null && restart.strip().equals("no")) {
            return true;
        }
        return f.awaitedToComplete(s.name());
    }


    /** The scalar items of a sequence value (or the single scalar), for list options like cap_add. */
    static List<YScalar> scalarItems(YNode n) {
        List<YScalar> out = new ArrayList<>();
        if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YScalar sc) {
                    out.add(sc);
                }
            }
        } else if (n instanceof YScalar sc && !sc.isNull()) {
            out.add(sc);
        }
        return out;
    }

    /** The value of a memory/CPU/pids limit, direct or under deploy.resources.limits. */
    static boolean hasLimit(ComposeService s, String direct, String alt, String deployKey) {
        if (s.has(direct) || (alt != null && s.has(alt))) {
            return true;
        }
        YNode deploy = s.value("deploy");
        return deploy != null && deploy.at("resources", "limits", deployKey) != null;
    }
}
