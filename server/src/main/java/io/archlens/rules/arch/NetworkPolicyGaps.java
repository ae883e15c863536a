package io.archlens.rules.arch;

import io.archlens.model.Facts.NetPolicy;
import io.archlens.model.FileFacts;
import io.archlens.model.SystemModel;
import java.util.ArrayList;
import java.util.List;

/** The NetworkPolicies of a project, by namespace, for the two NetworkPolicy rules. */
final class NetworkPolicyGaps {
    private NetworkPolicyGaps() {
    }

    static List<NetPolicy> all(SystemModel model) {
        List<NetPolicy> out = new ArrayList<>();
        for (FileFacts f : model.files()) {
            out.addAll(f.netPolicies());
        }
        return out;
    }

    static List<NetPolicy> in(SystemModel model, String scope) {
        return all(model).stream().filter(p -> p.scope().equals(scope)).toList();
    }
}
