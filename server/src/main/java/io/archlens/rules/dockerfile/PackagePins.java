package io.archlens.rules.dockerfile;

import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Package installs and the operands they leave unpinned, per package manager: apt, apk, yum/dnf/microdnf, zypper,
 * pip/pipx, npm, gem and go. Files, paths, URLs with a fixed reference and operands built from variables count as
 * pinned (nothing to judge).
 */
final class PackagePins {
    /** One install command: the word to report (name to subcommand) and its unpinned operands. */
    record Install(ShellCommand command, Word sub, String manager, List<String> unpinned) {
    }

    private static final Set<String> PIP_VALUE_OPTS = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-t", "--target", "--prefix", "--root", "--build", "--src", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "--trusted-host", "--root-user-action", "--python",
            "--upgrade-strategy", "--platform", "--python-version", "--implementation", "--abi", "--cache-dir",
            "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
            "--no-binary", "--only-binary", "--progress-bar", "-C", "--config-settings", "--global-option",
            "--install-option", "--pip-args", "--suffix");
    private static final Set<String> APK_OPTS = union(Docker.APK_VALUE_OPTS, Set.of("-t", "--virtual"));
    private static final Set<String> GEM_VALUE_OPTS = Set.of("-v", "--version", "-i", "--install-dir", "-n",
            "--bindir", "--source", "-s", "-P", "--trust-policy", "--platform", "-g", "--file");
    private static final Set<String> GO_VALUE_OPTS = Set.of("-C", "-o", "-p", "-tags", "-ldflags", "-gcflags",
            "-mod", "-modfile", "-overlay", "-pkgdir", "-asmflags", "-exec", "-toolexec", "-buildmode",
            "-compiler", "-installsuffix", "-pgo");
    private static final Pattern RPM_VERSIONED = Pattern.compile(".*-[0-9].*|.*:.*");
    private static final Pattern PIP_SPEC = Pattern.compile(".*(==|~=|>=|<=|!=|<|>| @ |@).*");

    private PackagePins() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    /** The install this command performs with its unpinned operands, or null (not an install, or all pinned). */
    static Install of(ShellCommand c) {
        Install i = find(c);
        return i == null || i.unpinned().isEmpty() ? null : i;
    }

    private static Install find(ShellCommand c) {
        String n = c.name();
        Word sub;
        if ((sub = Docker.apt(c, "install")) != null) {
            return collect(c, sub, "apt", Docker.APT_VALUE_OPTS, w -> w.contains("=") || w.endsWith(".deb"));
        }
        if ((sub = Docker.apk(c, "add")) != null) {
            return collect(c, sub, "apk", APK_OPTS, w -> w.matches(".*[=~<>].*") || w.endsWith(".apk"));
        }
        if ((sub = Docker.yum(c, "install", "in", "module")) != null) {
            if (sub.is("module") && Docker.operands(c, sub, Docker.YUM_VALUE_OPTS).stream().noneMatch(w -> w.is("install"))) {
                return null;
            }
            return collect(c, sub, n, Docker.YUM_VALUE_OPTS, w -> w.equals("install") || RPM_VERSIONED.matcher(w).matches()
                    || w.endsWith(".rpm"));
        }
        if ((sub = Docker.zypper(c, "install", "in")) != null) {
            return collect(c, sub, "zypper", Docker.ZYPPER_VALUE_OPTS, w -> w.matches(".*[=<>].*") || w.endsWith(".rpm"));
        }
        if (n.equals("pipx") || Docker.pipInstall(c) != null) {
            sub = n.equals("pipx") ? Docker.subcommand(c, PIP_VALUE_OPTS) : Docker.pipInstall(c);
            if (sub == null || !sub.is("install") || c.hasOption("-r", "--requirement", "-c", "--constraint")
                    || c.words().stream().anyMatch(w -> w.text().startsWith("--requirement=")
                    || w.text().startsWith("--constraint="))) {
                return null;
            }
            return collect(c, sub, "pip", PIP_VALUE_OPTS, w -> w.contains("://") ? vcsPinned(w) : PIP_SPEC.matcher(w).matches() || isFile(w) || w.contains("/")
                    || w.matches(".*\\.(whl|tar\\.gz|zip|tgz)"));
        }
        if (n.equals("npm")) {
            sub = Docker.subcommand(c, NpmInstall.VALUE_OPTS);
            if (sub == null || !(NpmInstall.INSTALL.contains(sub.text()) || sub.is("add"))) {
                return null;
            }
            return collect(c, sub, "npm", NpmInstall.VALUE_OPTS, w -> w.contains("://") ? w.contains("#") : w.lastIndexOf('@') > 0 || isFile(w)
                    || w.matches(".*\\.(tgz|tar|tar\\.gz)"));
        }
        if (n.equals("gem")) {
            sub = Docker.subcommand(c, GEM_VALUE_OPTS);
            if (sub == null || !(sub.is("install") || sub.is("i")) || c.hasOption("-v", "--version")
                    || c.words().stream().anyMatch(w -> w.text().startsWith("--version="))) {
                return null;
            }
            return collect(c, sub, "gem", GEM_VALUE_OPTS, w -> w.contains(":") || w.endsWith(".gem"));
        }
        if (n.equals("go")) {
            sub = Docker.subcommand(c, GO_VALUE_OPTS);
            if (sub == null || !(sub.is("install") || sub.is("get") || sub.is("run"))) {
                return null;
            }
            boolean get = sub.is("get");
            List<Word> ops = Docker.operands(c, sub, GO_VALUE_OPTS);
            if (!get && !ops.isEmpty()) {
                ops = ops.subList(0, 1); // go run pkg args...: only the package
            }
            List<String> out = new ArrayList<>();
            for (Word w : ops) {
                String t = w.text();
                if (isFile(t) || t.contains("$")) {
                    continue;
                }
                int at = t.lastIndexOf('@');
                boolean remote = get || t.substring(0, t.indexOf('/') < 0 ? t.length() : t.indexOf('/')).contains(".");
                if (remote && (at < 0 || t.endsWith("@latest"))) {
                    out.add(t);
                }
            }
            return new Install(c, sub, "go", out);
        }
        return null;
    }

    /** {@code git+https://host/org/repo.git@v1.2#egg=x}: pinned by the {@code @ref} after the path. */
    private static boolean vcsPinned(String w) {
        String u = w.replaceFirst("#.*", "");
        int slash = u.indexOf('/', u.indexOf("://") + 3);
        return !u.startsWith("git+") && !u.startsWith("hg+") || slash > 0 && u.indexOf('@', slash) > 0;
    }

    private static boolean isFile(String w) {
        return w.startsWith(".") || w.startsWith("/") || w.startsWith("~") || w.contains("://") && !w.startsWith("git")
                || w.startsWith("file:");
    }

    private static Install collect(ShellCommand c, Word sub, String manager, Set<String> valueOpts,
                                   java.util.function.Predicate<String> pinned) {
        List<String> out = new ArrayList<>();
        List<Word> all = c.effective();
        for (Word w : Docker.operands(c, sub, valueOpts)) {
            String t = w.text();
            int k = all.indexOf(w);
            if (manager.equals("gem") && k > 0 && all.get(k - 1).text().startsWith("--")) {
                continue; // gem install x:1 --use-system-libraries true: the option's value
            }
            if (all.subList(0, Math.max(k, 0)).stream().anyMatch(x -> x.is("--"))) {
                break; // what follows -- goes to the build
            }
            if (t.isEmpty() || t.contains("$") || t.contains("`") || t.equals("--") || pinned.test(t)) {
                continue;
            }
            out.add(t);
        }
        return new Install(c, sub, manager, out);
    }
}
