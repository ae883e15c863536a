package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An identity policy that lets its holder make itself an administrator: an IAM action that rewrites its own
 * permissions or takes over another principal (attach or write a policy, a new policy version, another user's
 * access key or password, a group, a role's trust policy), allowed on every resource without a condition; or
 * {@code iam:PassRole} on every role next to an action that starts compute running as the passed role.
 */
public final class IamPrivilegeEscalation implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/iam-privilege-escalation",
            "IAM policy lets its holder escalate to administrator", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    /** Actions that alone, on every resource, let the holder grant itself anything; with what it would do. */
    private static final Map<String, String> ALONE = new LinkedHashMap<>();

    static {
        Map<String, String> own = Map.of("user", "its own user", "group", "a group it belongs to", "role",
                "its own role");
        for (String kind : List.of("user", "group", "role")) {
            ALONE.put("iam:attach" + kind + "policy", "attach AdministratorAccess to " + own.get(kind));
            ALONE.put("iam:put" + kind + "policy", "write an inline admin policy on " + own.get(kind));
        }
        ALONE.put("iam:createpolicyversion", "publish an admin version of a policy attached to itself");
        ALONE.put("iam:setdefaultpolicyversion", "switch a policy attached to itself to a broader version");
        ALONE.put("iam:createaccesskey", "create access keys for any user, administrators included");
        ALONE.put("iam:createloginprofile", "give any user without one a console password it knows");
        ALONE.put("iam:updateloginprofile", "reset the console password of any user, administrators included");
        ALONE.put("iam:addusertogroup", "add itself to the administrators' group");
        ALONE.put("iam:updateassumerolepolicy", "let itself assume any role, an administrator role included");
    }

    /** Actions that start compute running as a role the caller passes (with iam:PassRole on every role). */
    private static final List<String> LAUNCH = List.of("ec2:runinstances", "ecs:runtask",
            "cloudformation:createstack", "glue:createdevendpoint");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (List<PolicyDocs.Statement> doc : PolicyDocs.documents(ctx.text(), f)) {
            List<PolicyDocs.Val> allowed = new ArrayList<>();
            for (PolicyDocs.Statement st : doc) {
                if (!open(st)) {
                    continue;
                }
                List<PolicyDocs.Val> hits = new ArrayList<>();
                for (PolicyDocs.Val a : st.actions()) {
                    if (!everything(a) && matchesAny(a.value(), ALONE.keySet())) {
                        hits.add(a);
                    }
                    if (!everything(a)) {
                        allowed.add(a);
                    }
                }
                if (!hits.isEmpty()) {
                    report(ctx, hits);
                }
            }
            PolicyDocs.Val passRole = find(allowed, "iam:passrole");
            PolicyDocs.Val launch = null;
            for (String name : LAUNCH) {
                launch = launch != null ? launch : find(allowed, name);
            }
            if (launch == null && (find(allowed, "lambda:invokefunction") != null
                    || find(allowed, "lambda:createeventsourcemapping") != null)) {
                launch = find(allowed, "lambda:createfunction");
            }
            if (passRole != null && launch != null) {
                ctx.report(passRole.range(), passRole.value() + " on Resource \"*\" next to " + launch.value()
                        + ": whoever holds this policy can start compute running as any role, an administrator role"
                        + " included, and act with its permissions; limit iam:PassRole to the ARNs of the roles the"
                        + " workload passes");
            }
        }
    }

    /** {@code *} or {@code *:*}: reported by tf/iam-wildcard-policy. */
    private static boolean everything(PolicyDocs.Val a) {
        return a.value().equals("*") || a.value().equals("*:*");
    }

    private static PolicyDocs.Val find(List<PolicyDocs.Val> actions, String name) {
        for (PolicyDocs.Val a : actions) {
            if (matches(a.value(), name)) {
                return a;
            }
        }
        return null;
    }

    /** An identity-policy Allow on every resource without a condition (a condition may bound it). */
    private static boolean open(PolicyDocs.Statement st) {
        if (!st.allow() || st.principalStar() != null || st.hasCondition()) {
            return false;
        }
        for (PolicyDocs.Val r : st.resources()) {
            if (r.value().equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static void report(RuleContext ctx, List<PolicyDocs.Val> hits) {
        PolicyDocs.Val at = hits.get(0);
        String what = ALONE.get(at.value().toLowerCase(Locale.ROOT));
        String more = hits.size() > 1 ? " (and " + (hits.size() - 1) + " more such action"
                + (hits.size() > 2 ? "s" : "") + ")" : "";
        ctx.report(at.range(), "Statement allows " + at.value() + more + " on Resource \"*\": whoever holds this"
                + " policy can " + (what != null ? what : "grant itself any permission") + ", and so becomes an"
                + " administrator of the account; limit Resource to the ARNs it must manage, or add a condition"
                + " such as a required permissions boundary");
    }

    private static boolean matchesAny(String action, Iterable<String> names) {
        for (String n : names) {
            if (matches(action, n)) {
                return true;
            }
        }
        return false;
    }

    /** An action as written ({@code iam:Put*}, case-insensitive, {@code *} and {@code ?} wildcards) covers name. */
    static boolean matches(String action, String name) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.indexOf('*') < 0 && a.indexOf('?') < 0) {
            return a.equals(name);
        }
        StringBuilder re = new StringBuilder();
        for (char c : a.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(re.toString(), name);
    }
}
