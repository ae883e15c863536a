package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclBody;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclSource;
import io.archlens.syntax.hcl.ModuleFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Terraform module as the evaluator sees it: its files, its variables' values and its locals. A root module
 * binds variables from their defaults, then {@code terraform.tfvars}, then {@code *.auto.tfvars}; a module reached
 * through a {@link ModuleCall} binds them from the call's arguments (evaluated in the caller), else their
 * defaults. No Terraform binary, no provider schemas, no network: what cannot be known is {@link Value#unknown()}.
 * Not thread-safe (one analysis at a time uses an instance).
 */
public final class ModuleEnv {
    static final int MAX_CALL_DEPTH = 3;
    /** A dynamic block over a longer known collection is judged once, with its iterator unknown. */
    static final int MAX_EXPANDED = 64;

    private record Local(HclExpr expr, HclSource source) {
    }

    private final Path dir;
    private final List<HclSource> files;
    private final Map<String, Value> vars = new LinkedHashMap<>();
    private final Map<String, Local> locals = new HashMap<>();
    private final Map<String, Value> localValues = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final List<Path> callChain;
    private final Evaluator evaluator = new Evaluator(this);
    private final Map<HclSource, List<ModuleCall>> calls = new HashMap<>();
    /** The iterator bindings of dynamic blocks' generated bodies (and the bodies nested in them), by identity. */
    private final Map<HclBody, Map<String, Value>> bound = new IdentityHashMap<>();

    private ModuleEnv(Path dir, List<HclSource> files, List<Path> callChain) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.callChain = List.copyOf(callChain);
        for (HclSource f : files) {
            for (HclBlock b : f.model().blocks("locals")) {
                for (HclAttribute a : b.body().attributes()) {
                    locals.put(a.name(), new Local(a.value(), f));
                }
            }
        }
    }

    /**
     * The module holding {@code self} (its text as analysed), with its saved siblings from {@code dir} (null:
     * not on disk, the file alone) and the variable files Terraform loads for a root module.
     */
    public static ModuleEnv root(HclSource self, Path dir) {
        List<HclSource> files = new ArrayList<>();
        files.add(self);
        if (dir != null) {
            String selfName = Path.of(self.name()).getFileName().toString();
            files.addAll(ModuleFiles.sources(dir, selfName));
        }
        ModuleEnv env = new ModuleEnv(dir, files, dir == null ? List.of() : List.of(dir));
        env.bindDefaults();
        if (dir != null) {
            for (HclSource tfvars : ModuleFiles.tfvars(dir)) {
                for (HclAttribute a : tfvars.model().body().attributes()) {
                    if (env.vars.containsKey(a.name())) {
                        env.vars.put(a.name(), env.eval(a.value()).via(new Loc(tfvars, a.value().range(),
                                "var." + a.name() + " is set in " + tfvars.name(), false)));
                    }
                }
            }
        }
        return env;
    }

    /** The module {@code call} points at, its variables bound to the call's arguments. */
    static ModuleEnv called(ModuleCall call, ModuleEnv caller) {
        List<Path> chain = new ArrayList<>(caller.callChain);
        chain.add(call.dir());
        ModuleEnv env = new ModuleEnv(call.dir(), ModuleFiles.sources(call.dir(), null), chain);
        env.bindDefaults();
        for (HclAttribute a : call.block().body().attributes()) {
            if (env.vars.containsKey(a.name()) && !ModuleCall.META_ARGUMENTS.contains(a.name())) {
                env.vars.put(a.name(), caller.eval(a.value()).via(new Loc(call.source(), a.value().range(),
                        "argument " + a.name() + " of module." + call.block().label(0), true)));
            }
        }
        return env;
    }

    private void bindDefaults() {
        for (HclSource f : files) {
            for (HclBlock b : f.model().blocks("variable")) {
                String name = b.label(0);
                if (name == null) {
                    continue;
                }
                HclAttribute d = b.attr("default");
                vars.put(name, d == null ? Value.unknown() : eval(d.value()).via(new Loc(f, d.value().range(),
                        "default of var." + name, false)));
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** The module's files; the analysed one first for a root module. */
    public List<HclSource> files() {
        return files;
    }

    public Value eval(HclExpr e) {
        return evaluator.eval(e);
    }

    /** A variable's value; unknown when it is not declared or has no value. */
    public Value var(String name) {
        Value v = vars.get(name);
        return v == null ? Value.unknown() : v;
    }

    public Value local(String name) {
        Value hit = localValues.get(name);
        if (hit != null) {
            return hit;
        }
        Local l = locals.get(name);
        if (l == null || !resolving.add(name)) {
            return Value.unknown();
        }
        try {
            Value v = evaluator.withBindings(Map.of(), l.expr());
            if (!v.trace().isEmpty() || v.known()) {
                v = v.via(new Loc(l.source(), l.expr().range(), "local." + name, false));
            }
            localValues.put(name, v);
            return v;
        } finally {
            resolving.remove(name);
        }
    }

    /**
     * False when the resource (or module call) certainly does not exist: {@code count} is 0 or {@code for_each}
     * is empty. Unknown counts and collections "may exist": true.
     */
    public boolean mayExist(HclBlock b) {
        HclExpr count = b.value("count");
        if (count != null) {
            Value c = eval(count);
            if (c.known() && c.num() != null && c.num() < 1) {
                return false;
            }
        }
        HclExpr forEach = b.value("for_each");
        if (forEach != null) {
            Value v = eval(forEach);
            if (v.known() && (v.list() != null && v.list().isEmpty() || v.map() != null && v.map().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates {@code e} written in {@code scope}: a dynamic block's content sees its iterator. */
    public Value eval(HclBody scope, HclExpr e) {
        Map<String, Value> b = scope == null ? null : bound.get(scope);
        return b == null ? evaluator.eval(e) : evaluator.withBindings(b, e);
    }

    /**
     * The nested blocks of {@code type} in {@code body}, a {@code dynamic "type"} counting as the blocks its
     * {@code content} generates: one per element of a known {@code for_each} (the content then sees
     * {@code <iterator>.key} and {@code .value}), else one with the iterator unknown (unless the collection is
     * certainly empty). Blocks written as attributes count too (see below).
     */
    public List<HclBlock> blocks(HclBody body, String type) {
        Map<String, Value> outer = bound.get(body);
        List<HclBlock> out = new ArrayList<>();
        for (HclBlock b : body.blocks(type)) {
            out.add(scoped(b, outer, null));
        }
        for (HclBlock d : body.blocks("dynamic")) {
            HclBlock content = type.equals(d.label(0)) ? d.block("content") : null;
            if (content == null) {
                continue;
            }
            HclBlock generated = new HclBlock(type, d.typeRange(), List.of(), content.body(), content.openBrace(),
                    content.closeBrace(), d.range());
            Value each = eval(body, d.value("for_each"));
            String iterator = iteratorName(d);
            if (each.known() && each.list() != null && each.list().size() <= MAX_EXPANDED) {
                for (int i = 0; i < each.list().size(); i++) {
                    out.add(scoped(generated, outer, element(iterator, Value.of(i), each.list().get(i), each)));
                }
            } else if (each.known() && each.map() != null && each.map().size() <= MAX_EXPANDED) {
                for (Map.Entry<String, Value> en : each.map().entrySet()) {
                    out.add(scoped(generated, outer, element(iterator, Value.of(en.getKey()), en.getValue(), each)));
                }
            } else {
                out.add(scoped(generated, outer, null));
            }
        }
        HclAttribute written = out.isEmpty() ? body.attr(type) : null;
        if (written != null) {
            // `type = { ... }` or `type = [{ ... }]`: Terraform 0.11's way of writing a block, and the "attributes
            // as blocks" arguments of some resources (a security group's ingress list)
            List<HclExpr> items = written.value() instanceof HclExpr.Tuple t ? t.items() : List.of(written.value());
            for (HclExpr item : items) {
                if (item instanceof HclExpr.Obj o) {
                    out.add(scoped(asBlock(type, written, o), outer, null));
                }
            }
        }
        return out;
    }

    /** {@code iterator = name}, else the dynamic block's label. */
    private static String iteratorName(HclBlock d) {
        HclExpr it = d.value("iterator");
        return it instanceof HclExpr.Ref r && r.parts().size() == 1 ? r.parts().get(0) : d.label(0);
    }

    /** The binding of one element: {@code iterator = {key, value}}, traced through the collection's origin. */
    private static Map<String, Value> element(String iterator, Value key, Value value, Value collection) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return Map.of(iterator, Value.map(m).withTrace(collection.trace()));
    }

    /**
     * {@code b} with a body of its own that sees the enclosing bindings plus {@code extra} (none: {@code b}
     * itself).
     */
    private HclBlock scoped(HclBlock b, Map<String, Value> outer, Map<String, Value> extra) {
        if (outer == null && extra == null) {
            return b;
        }
        Map<String, Value> all = new HashMap<>();
        if (outer != null) {
            all.putAll(outer);
        }
        if (extra != null) {
            all.putAll(extra);
        }
        HclBody own = new HclBody(b.body().attributes(), b.body().blocks(), b.body().range());
        bound.put(own, all);
        return new HclBlock(b.type(), b.typeRange(), b.labels(), own, b.openBrace(), b.closeBrace(), b.range());
    }

    private static HclBlock asBlock(String type, HclAttribute written, HclExpr.Obj o) {
        List<HclAttribute> attrs = new ArrayList<>();
        for (HclExpr.ObjItem it : o.items()) {
            if (it.keyName() != null) {
                attrs.add(new HclAttribute(it.keyName(), it.key().range(), it.value(),
                        it.key().range().union(it.value().range())));
            }
        }
        return new HclBlock(type, written.nameRange(), List.of(), new HclBody(attrs, List.of(), o.range()),
                o.range().start(), o.range().end() - 1, written.range());
    }

    /** The calls in {@code file} of modules whose source is a local directory (see {@link ModuleCall}). */
    public List<ModuleCall> calls(HclSource file) {
        return calls.computeIfAbsent(file, f -> ModuleCall.local(f, this));
    }

    List<Path> callChain() {
        return callChain;
    }
}
