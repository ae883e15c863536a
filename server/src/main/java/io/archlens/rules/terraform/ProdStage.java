package io.archlens.rules.terraform;

import io.archlens.analysis.Profile;
import io.archlens.analysis.RuleContext;
import io.archlens.config.ProjectContext;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.eval.Value;
import java.util.Map;

/**
 * Whether a production-only rule judges a resource, and what its message then says about how production was
 * decided. The project context ({@code context.stage}) decides when declared; else a literal Environment/Stage tag
 * on the resource (or in the AWS provider's default_tags); with neither, the {@code strict} profile assumes
 * production and says so, the other profiles leave the resource alone.
 *
 * @param judged the rule judges the resource
 * @param note   how production was decided, for the message; empty when the context declares it
 */
record ProdStage(boolean judged, String note) {
    static final String FROM_TAG = "production is read from its Environment/Stage tag; context.stage in"
            + " .archlens.yml decides when declared";
    static final String ASSUMED = "no stage declared: assumed production under the strict profile; declare"
            + " `context.stage` to decide";

    private static final String[] KEYS = {"Environment", "environment", "Env", "env", "Stage", "stage"};
    private static final ProdStage NOT_JUDGED = new ProdStage(false, "");

    /** {@code " (note)"}, or empty when there is no note. */
    String suffix() {
        return note.isEmpty() ? "" : " (" + note + ")";
    }

    static ProdStage of(Subject s) {
        RuleContext ctx = s.ctx();
        if (ctx.project().stageKnown()) {
            return ctx.project().isProduction() ? new ProdStage(true, "") : NOT_JUDGED;
        }
        HclBlock b = s.block();
        Boolean prod = tagged(s, b, b.value("tags"));
        if (prod == null && s.type().startsWith("aws_")) {
            for (HclBlock p : s.file().model().moduleBlocks("provider")) {
                HclBlock dt = "aws".equals(p.label(0)) ? p.block("default_tags") : null;
                prod = dt == null ? null : tagged(s, dt, dt.value("tags"));
                if (prod != null) {
                    break;
                }
            }
        }
        if (prod != null) {
            return prod ? new ProdStage(true, FROM_TAG) : NOT_JUDGED;
        }
        return ctx.profile() == Profile.STRICT ? new ProdStage(true, ASSUMED) : NOT_JUDGED;
    }

    /**
     * Whether the tags (written in {@code in}) name a production stage: true or false when a stage tag has a known
     * value, null when there is none. The evaluated map first (locals, variable defaults, merge), else the object
     * literals written in the expression ({@code merge(var.tags, {Environment = "prod"})}).
     */
    private static Boolean tagged(Subject s, HclBlock in, HclExpr tags) {
        if (tags == null) {
            return null;
        }
        Value v = s.eval(in, tags);
        Map<String, Value> m = v.known() ? v.map() : null;
        if (m != null) {
            for (String k : KEYS) {
                Value t = m.get(k);
                String stage = t == null ? null : t.str();
                if (stage != null && !stage.isBlank()) {
                    return ProjectContext.isProductionStage(stage);
                }
            }
            return null;
        }
        Boolean[] found = {null};
        Tf.walk(tags, e -> {
            if (found[0] == null && e instanceof HclExpr.Obj o) {
                for (String k : KEYS) {
                    String stage = Tf.str(o.get(k));
                    if (stage != null && !stage.isBlank()) {
                        found[0] = ProjectContext.isProductionStage(stage);
                        return;
                    }
                }
            }
        });
        return found[0];
    }

}
