package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code module "name" { source = "./modules/db" ... }} with a local source: a directory of the same repository
 * (never above the nearest folder holding {@code .git}), not already on the call chain, at most
 * {@link ModuleEnv#MAX_CALL_DEPTH} calls deep. Its {@link #env() environment} binds the module's variables to the
 * call's arguments.
 */
public final class ModuleCall {
    /** Arguments of a module block that are not input variables. */
    static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "providers",
            "depends_on");

    private final HclBlock block;
    private final HclSource source;
    private final Path dir;
    private final ModuleEnv caller;
    private ModuleEnv env;

    private ModuleCall(HclBlock block, HclSource source, Path dir, ModuleEnv caller) {
        this.block = block;
        this.source = source;
        this.dir = dir;
        this.caller = caller;
    }

    static List<ModuleCall> local(HclSource file, ModuleEnv caller) {
        List<ModuleCall> out = new ArrayList<>();
        Path from = caller.dir();
        if (from == null || caller.callChain().size() > ModuleEnv.MAX_CALL_DEPTH) {
            return out;
        }
        for (HclBlock b : file.model().blocks("module")) {
            HclExpr src = b.value("source");
            String s = src instanceof HclExpr.Str str && !str.template() ? str.value() : null;
            if (s == null || !(s.startsWith("./") || s.startsWith("../")) || !caller.mayExist(b)) {
                continue;
            }
            Path target = from.resolve(s).normalize();
            if (!Files.isDirectory(target) || caller.callChain().contains(target) || !insideRepository(from, target)) {
                continue;
            }
            out.add(new ModuleCall(b, file, target, caller));
        }
        return out;
    }

    /** True unless {@code target} lies outside the repository (the nearest ancestor of {@code from} with .git). */
    private static boolean insideRepository(Path from, Path target) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return target.startsWith(p);
            }
        }
        return true;
    }

    public HclBlock block() {
        return block;
    }

    /** The file holding the call. */
    public HclSource source() {
        return source;
    }

    public Path dir() {
        return dir;
    }

    /** The called module, evaluated lazily. */
    public ModuleEnv env() {
        if (env == null) {
            env = ModuleEnv.called(this, caller);
        }
        return env;
    }
}
