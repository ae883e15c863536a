package io.archlens.agent.validate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether an agent finding reports the issue a rule-book finding already reports. The agent's rule name is its
 * topic (its message when the name says nothing); the rule book's side is its rule's name, title and message.
 * Both become sets of topic words: lower case, crude stems ("pinned" and "pins" are "pin"), a few synonyms
 * folded into one word ("latest", "tag", "digest", "unpinned" are all about pinning), and words that name no
 * issue dropped ("missing", "image", "service", "the"...). The same issue is: at least half of the agent's topic
 * words, and at least one, appear on the rule book's side. An agent finding about the base image's provenance
 * is then not the rule book's "the final image runs as root", while "runs-as-root" is.
 */
final class SameIssue {
    private static final Set<String> NOISE = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "without", "is", "are", "be",
            "not", "no", "non", "missing", "lack", "lacks", "use", "uses", "using", "used", "set", "sets", "has",
            "have", "this", "that", "it", "its", "as", "by", "from", "at", "should", "may", "can", "instead",
            "does", "do", "enabled", "disabled", "defined", "finding", "issue", "problem", "risk", "add", "consider",
            "image", "images", "service", "services", "container", "containers", "pod", "pods", "file", "files",
            "server", "config", "configuration", "setting", "settings", "value", "values", "default", "defaults",
            "stage", "agent", "rule", "too", "very", "all", "any", "only", "one", "but", "if", "so", "there");
    /** Words that name one issue under several names, folded into the first word of each group. */
    private static final Map<String, String> SYNONYMS = synonyms(
            "pin latest tag digest unpin unpinned floating",
            "health healthcheck liveness readiness probe",
            "root nonroot uid",
            "secret password passwd credential token apikey",
            "limit resource memory cpu quota",
            "tls ssl",
            "privilege privileged unprivileged capability");

    private SameIssue() {
    }

    static boolean same(String agentRule, String agentMessage, String ruleId, String ruleTitle, String ruleMessage) {
        if (RuleIds.slug(agentRule).equals(RuleIds.slug(ruleId))) {
            return true;
        }
        Set<String> topic = words(RuleIds.slug(agentRule));
        if (topic.isEmpty()) {
            topic = words(agentMessage);
        }
        if (topic.isEmpty()) {
            return false;
        }
        Set<String> described = words(RuleIds.slug(ruleId) + " " + ruleTitle + " " + ruleMessage);
        long shared = topic.stream().filter(described::contains).count();
        return shared >= 1 && shared * 2 >= topic.size();
    }

    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String w : spaced.split("[^a-z0-9]+")) {
            if (w.length() < 2 || NOISE.contains(w)) {
                continue;
            }
            String s = SYNONYMS.getOrDefault(w, null);
            if (s == null) {
                String stem = stem(w);
                s = SYNONYMS.getOrDefault(stem, stem);
            }
            if (!NOISE.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A crude English stem: enough for "pinned"/"pins"/"pinning", "limits", "headers", "privileges". */
    static String stem(String w) {
        String s = w;
        if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ing") && s.length() > 5) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("es") && s.length() > 4 && !s.endsWith("ses")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 3 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2) && !s.endsWith("ss")
                && !s.endsWith("ll") && s.length() != w.length()) {
            s = s.substring(0, s.length() - 1); // pinn(ed) -> pin
        }
        if (s.endsWith("e") && s.length() > 4) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static Map<String, String> synonyms(String... groups) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String g : groups) {
            String[] ws = g.split(" ");
            for (String w : ws) {
                m.put(w, ws[0]);
                m.put(stem(w), ws[0]);
            }
        }
        return Map.copyOf(m);
    }
}
