package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Flag;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.KeyValue;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Helpers the Dockerfile rules share: rule metadata, RUN traversal, package-manager command shapes. */
final class Docker {
    static final Set<String> APT = Set.of("apt-get", "apt");
    static final Set<String> YUM = Set.of("yum", "dnf", "microdnf");
    static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
    static final Set<String> APT_VALUE_OPTS = Set.of("-o", "-c", "-t", "--option", "--config-file",
            "--target-release", "--default-release");
    static final Set<String> YUM_VALUE_OPTS = Set.of("-c", "-d", "-e", "-x", "--exclude", "--installroot",
            "--releasever", "--setopt", "--enablerepo", "--disablerepo", "--repo", "--repofrompath");
    static final Set<String> APK_VALUE_OPTS = Set.of("-X", "--repository", "-p", "--root", "--arch", "--cache-dir",
            "--repositories-file", "--keys-dir");
    static final Set<String> ZYPPER_VALUE_OPTS = Set.of("-R", "--root", "-c", "--config", "-C", "--cache-dir",
            "-D", "--reposd-dir", "-p", "--plus-repo", "-r", "--repo");
    static final Set<String> NO_VALUE_OPTS = Set.of();
    private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

    /**
     * A development environment rather than a shipped image: a Dockerfile under {@code .devcontainer/} (VS Code,
     * Codespaces) or Gitpod's {@code .gitpod.Dockerfile}. Rules about what a production image runs leave it alone.
     */
    static boolean devEnvironment(io.archlens.analysis.RuleContext ctx) {
        String p = ctx.file().path().replace('\\', '/');
        return p.startsWith(".devcontainer/") || p.contains("/.devcontainer/") || p.endsWith(".gitpod.Dockerfile");
    }

    private Docker() {
    }

    static RuleMeta meta(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.DOCKERFILE.rulePrefix() + "/" + what, title, severity, category,
                FileKind.DOCKERFILE);
    }

    /** The stage's RUN instructions, {@code ONBUILD RUN} triggers included (they run in every child image). */
    static List<Instruction> runs(Stage s) {
        return of(s.instructions(), "RUN");
    }

    static List<Instruction> runs(Collection<Stage> stages) {
        List<Instruction> out = new ArrayList<>();
        for (Stage s : stages) {
            out.addAll(runs(s));
        }
        return out;
    }

    /** The instructions with {@code keyword}, in order, with {@code ONBUILD <keyword>} triggers in their place. */
    static List<Instruction> of(List<Instruction> instructions, String keyword) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is(keyword)) {
                out.add(i);
            } else if (i.is("ONBUILD") && i.trigger() != null && i.trigger().is(keyword)) {
                out.add(i.trigger());
            }
        }
        return out;
    }

    /** RUN instructions of every stage. */
    static List<Instruction> allRuns(Dockerfile d) {
        return runs(d.stages());
    }

    /** 1-based line of an offset, for messages. */
    static int line(RuleContext ctx, int offset) {
        return ctx.file().lines().lineOf(offset) + 1;
    }

    static int line(RuleContext ctx, Instruction ins) {
        return ins.line() + 1;
    }

    /** The first non-option argument after the command name, skipping values of {@code valueOpts}. */
    static Word subcommand(ShellCommand c, Set<String> valueOpts) {
        List<Word> e = c.effective();
        for (int k = 1; k < e.size(); k++) {
            Word w = e.get(k);
            if (w.isOption()) {
                if (valueOpts.contains(w.text())) {
                    k++;
                }
                continue;
            }
            return w;
        }
        return null;
    }

    /** The non-option arguments after {@code sub}, skipping values of {@code valueOpts}. */
    static List<Word> operands(ShellCommand c, Word sub, Set<String> valueOpts) {
        List<Word> e = c.effective();
        List<Word> out = new ArrayList<>();
        int k = e.indexOf(sub);
        for (k = k + 1; k > 0 && k < e.size(); k++) {
            Word w = e.get(k);
            if (w.isOption()) {
                if (valueOpts.contains(w.text())) {
                    k++;
                }
                continue;
            }
            out.add(w);
        }
        return out;
    }

    private static Word sub(ShellCommand c, Set<String> names, Set<String> valueOpts, String... subs) {
        if (!names.contains(c.name())) {
            return null;
        }
        Word s = subcommand(c, valueOpts);
        if (s == null) {
            return null;
        }
        for (String want : subs) {
            if (s.is(want)) {
                return s;
            }
        }
        return null;
    }

    /** The subcommand word when {@code c} is {@code apt-get|apt <one of subs>}, else null. */
    static Word apt(ShellCommand c, String... subs) {
        return sub(c, APT, APT_VALUE_OPTS, subs);
    }

    static Word yum(ShellCommand c, String... subs) {
        return sub(c, YUM, YUM_VALUE_OPTS, subs);
    }

    static Word zypper(ShellCommand c, String... subs) {
        return sub(c, Set.of("zypper"), ZYPPER_VALUE_OPTS, subs);
    }

    static Word apk(ShellCommand c, String... subs) {
        return sub(c, Set.of("apk"), APK_VALUE_OPTS, subs);
    }

    /** The {@code install} word of {@code pip install}, {@code pip3 install} or {@code python3 -m pip install}. */
    static Word pipInstall(ShellCommand c) {
        List<Word> e = c.effective();
        if (e.isEmpty()) {
            return null;
        }
        String n = c.name();
        if (!n.startsWith("pip") && !n.startsWith("python")) {
            return null;
        }
        int k;
        if (PIP.matcher(n).matches()) {
            k = 1;
        } else if (PYTHON.matcher(n).matches()) {
            k = -1;
            for (int j = 1; j + 1 < e.size(); j++) {
                if (e.get(j).is("-m") && PIP.matcher(e.get(j + 1).text()).matches()) {
                    k = j + 2;
                    break;
                }
            }
            if (k < 0) {
                return null;
            }
        } else {
            return null;
        }
        for (; k < e.size(); k++) {
            Word w = e.get(k);
            if (w.isOption()) {
                continue;
            }
            return w.is("install") ? w : null;
        }
        return null;
    }

    /** From the command's (effective) first word to {@code last}. */
    static TextRange span(ShellCommand c, Word last) {
        List<Word> e = c.effective();
        TextRange first = e.isEmpty() ? last.range() : e.get(0).range();
        return first.union(last.range());
    }

    /**
     * True when a short option cluster ({@code -qy}) or a lone short option contains {@code f}. Letters in
     * {@code valueShorts} take a value: the rest of their cluster is that value.
     */
    static boolean hasShortFlag(ShellCommand c, char f, String valueShorts) {
        List<Word> e = c.effective();
        for (int k = 1; k < e.size(); k++) {
            String t = e.get(k).text();
            if (t.length() < 2 || t.charAt(0) != '-' || t.charAt(1) == '-') {
                continue;
            }
            for (int j = 1; j < t.length(); j++) {
                char ch = t.charAt(j);
                if (ch == f) {
                    return true;
                }
                if (valueShorts.indexOf(ch) >= 0) {
                    if (j == t.length() - 1) {
                        k++;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** True when the RUN has an {@code rm} of a path starting with one of the prefixes. */
    static boolean removes(Instruction run, String... prefixes) {
        for (ShellCommand c : run.commands()) {
            if (!c.name().equals("rm")) {
                continue;
            }
            for (Word w : c.effective()) {
                for (String p : prefixes) {
                    if (w.text().startsWith(p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the RUN mounts a cache ({@code --mount=type=cache}) at a target starting with a prefix. */
    static boolean cacheMount(Instruction run, String... prefixes) {
        return mount(run, Set.of("cache"), prefixes);
    }

    /** True when a cache or tmpfs mount covers one of the paths: what is written there stays out of the layer. */
    static boolean outOfLayer(Instruction run, String... prefixes) {
        return mount(run, Set.of("cache", "tmpfs"), prefixes);
    }

    private static boolean mount(Instruction run, Set<String> types, String... prefixes) {
        for (Flag f : run.flags()) {
            if (!f.is("mount")) {
                continue;
            }
            var o = f.options();
            String type = o.get("type");
            if (type == null || !types.contains(type)) {
                continue;
            }
            String target = o.getOrDefault("target", o.getOrDefault("dst", o.getOrDefault("destination", "")));
            for (String p : prefixes) {
                if (target.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for Windows images or a non-POSIX SHELL, where the shell rules don't apply. */
    static boolean isWindows(Dockerfile d, Stage s) {
        if (d.escape() == '`') {
            return true;
        }
        Instruction shell = s.lastInherited("SHELL");
        if (shell != null && shell.isExecForm() && !shell.execArgs().isEmpty()) {
            String sh = shell.execArgs().get(0).text().toLowerCase(Locale.ROOT);
            if (sh.contains("powershell") || sh.contains("pwsh") || sh.contains("cmd")) {
                return true;
            }
        }
        var img = s.rootImage();
        if (img != null && img.isResolved()) {
            String k = img.key();
            return k.contains("windows") || k.contains("nanoserver") || k.contains("servercore");
        }
        return false;
    }

    /** True when an ENV in the stage chain sets {@code key}. */
    static boolean envInChain(Stage s, String key) {
        for (Stage st : s.chain()) {
            for (Instruction i : st.all("ENV")) {
                for (KeyValue kv : i.keyValues()) {
                    if (kv.key().equals(key)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The value the last {@code ENV key=...} of the stage or its parents gives, or null. */
    static String envValueInChain(Stage s, String key) {
        String value = null;
        List<Stage> chain = s.chain();
        for (int c = chain.size() - 1; c >= 0; c--) { // the root first: a nearer stage's ENV wins
            Stage st = chain.get(c);
            for (Instruction i : st.all("ENV")) {
                for (KeyValue kv : i.keyValues()) {
                    if (kv.key().equals(key)) {
                        value = kv.value() == null ? "" : kv.value();
                    }
                }
            }
        }
        return value;
    }

    /** The value of a {@code key=value} prefix assignment of the command (or its env), or null. */
    static String assignedValue(ShellCommand c, String key) {
        for (Word w : c.words()) {
            if (w.text().startsWith(key + "=")) {
                return w.text().substring(key.length() + 1);
            }
        }
        return null;
    }

    /** True when the command is prefixed with an assignment to {@code key} (or sets it with env). */
    static boolean assigns(ShellCommand c, String key) {
        for (Word w : c.words()) {
            if (w.text().startsWith(key + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Quotes a string as a JSON string literal. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String jsonArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(json(items.get(i)));
        }
        return sb.append(']').toString();
    }
}
