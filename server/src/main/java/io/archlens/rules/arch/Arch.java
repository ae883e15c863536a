package io.archlens.rules.arch;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.model.FileFacts;
import io.archlens.model.Loc;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.PortSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Shared helpers of the cross-file rules: related locations and wording. */
final class Arch {
    private Arch() {
    }

    /** Where a port comes from; a built-in default points at the top of the first Spring file. */
    static Related related(PortSource p, Node n, String message) {
        Loc l = p.loc();
        if (l == null) {
            List<FileFacts> apps = n.binding().apps();
            l = apps.isEmpty() ? n.workload().nameLoc() : SystemModel.top(apps.get(0));
        }
        return l.related(message);
    }

    static List<Related> listenRelated(Node n, SystemModel.Listen listen) {
        List<Related> out = new ArrayList<>();
        for (PortSource p : listen.ports()) {
            out.add(related(p, n, n.name() + " listens on " + p.port() + " (" + p.what() + ")"));
        }
        return out;
    }

    /** True when the listening ports are only the image's usual ones: no file of the project states them. */
    static boolean inferred(SystemModel.Listen l) {
        if (l.basis() == SystemModel.Basis.IMAGE) {
            return true;
        }
        for (SystemModel.PortSource p : l.ports()) {
            if (p.loc() == null) {
                return true; // a default (Spring Boot's 8080): the real port may be set where no file here shows
            }
        }
        return false;
    }

    /** The assumption an inferred port rests on, for messages. */
    static String assumption(SystemModel.Listen l) {
        return " (assumed: " + l.describe() + "; no file of the project says which port it listens on)";
    }

    static String names(Collection<String> names, int max) {
        List<String> q = new ArrayList<>();
        for (String s : names) {
            if (q.size() == max) {
                q.add("...");
                break;
            }
            q.add(s);
        }
        return q.isEmpty() ? "none" : String.join(", ", q);
    }

    /** "in examples/shop/docker-compose.yml" style mention of where a node is defined. */
    static String where(Node n) {
        return n.label() + " (" + n.workload().nameLoc().display() + ")";
    }

    /** An unsafe fix replacing a number at {@code at} with {@code port}, when the text there is that number. */
    static Fix[] portFix(SystemModel model, Loc at, int current, int port) {
        String t = model.text(at);
        if (t == null || !t.equals(String.valueOf(current))) {
            return new Fix[0];
        }
        return new Fix[] {Fix.unsafe("Change the port to " + port, Edit.replace(at.range(), String.valueOf(port)))};
    }

    static String ports(Collection<Integer> ports) {
        List<String> s = new ArrayList<>();
        for (Integer p : ports) {
            s.add(String.valueOf(p));
        }
        return String.join(", ", s);
    }
}
