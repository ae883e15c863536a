package io.archlens.syntax.js;

import io.archlens.syntax.treesitter.SyntaxNode;
import io.archlens.syntax.treesitter.SyntaxTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file's bindings as far as the rules need them: which local names come from which module
 * ({@code import axios from 'axios'}, {@code const {exec} = require('child_process')}), and where a variable is
 * declared or a parameter introduced, to follow an identifier to its value within its function.
 */
public final class JsModule {
    private final SyntaxTree tree;
    private final Map<String, String> moduleOf = new HashMap<>();
    private final Map<String, String> importedName = new HashMap<>();
    private final List<SyntaxNode> declarators;
    private final Map<String, List<SyntaxNode>> declaratorsByName = new HashMap<>();

    public JsModule(SyntaxTree tree) {
        this.tree = tree;
        this.declarators = tree.all("variable_declarator");
        for (SyntaxNode d : declarators) {
            SyntaxNode n = d.field("name");
            if (n != null && n.is("identifier")) {
                declaratorsByName.computeIfAbsent(n.text(), k -> new java.util.ArrayList<>()).add(d);
            }
        }
        for (SyntaxNode imp : tree.all("import_statement")) {
            String from = Js.stringValue(imp.field("source"));
            SyntaxNode clause = imp.childOfType("import_clause");
            if (from == null || clause == null) {
                continue;
            }
            for (SyntaxNode c : clause.namedChildren()) {
                if (c.is("identifier")) {
                    bind(c.text(), from, "default");
                } else if (c.is("namespace_import") && c.childOfType("identifier") != null) {
                    bind(c.childOfType("identifier").text(), from, "*");
                } else if (c.is("named_imports")) {
                    for (SyntaxNode s : c.namedChildren()) {
                        SyntaxNode name = s.field("name");
                        SyntaxNode alias = s.field("alias");
                        if (name != null) {
                            bind((alias != null ? alias : name).text(), from, name.text());
                        }
                    }
                }
            }
        }
        for (SyntaxNode d : declarators) {
            SyntaxNode v = Js.unwrap(d.field("value"));
            if (v != null && v.is("await_expression")) {
                v = Js.unwrap(v.namedChildren().isEmpty() ? null : v.namedChildren().get(0));
            }
            String from = required(v);
            if (from == null && v != null && v.is("identifier") && moduleOf.containsKey(v.text())) {
                from = moduleOf.get(v.text()); // const { JWT } = jose, with jose = require('jose')
            }
            SyntaxNode name = d.field("name");
            if (from == null || name == null) {
                continue;
            }
            if (name.is("identifier")) {
                bind(name.text(), from, "default");
            } else if (name.is("object_pattern")) {
                for (SyntaxNode p : name.namedChildren()) {
                    if (p.is("shorthand_property_identifier_pattern")) {
                        bind(p.text(), from, p.text());
                    } else if (p.is("pair_pattern") && p.field("value") != null) {
                        bind(p.field("value").text(), from, Js.keyName(p.field("key")));
                    }
                }
            }
        }
    }

    /** The module of {@code require('m')}, {@code require('m').x} or {@code import('m')}, else null. */
    private static String required(SyntaxNode v) {
        if (v != null && v.is("member_expression")) {
            v = Js.unwrap(v.field("object"));
        }
        if (v != null && v.is("call_expression") && (Js.calleeText(v).equals("require")
                || Js.callee(v) != null && Js.callee(v).is("import"))) {
            return Js.stringValue(Js.arg(v, 0));
        }
        return null;
    }

    private void bind(String local, String module, String name) {
        String m = module.startsWith("node:") ? module.substring(5) : module;
        moduleOf.put(local, m);
        importedName.put(local, name);
    }

    public SyntaxTree tree() {
        return tree;
    }

    /** The module a local name was imported or required from ({@code node:} prefix dropped), null if none. */
    public String moduleOf(String local) {
        return moduleOf.get(local);
    }

    /** The exported name a local name stands for ({@code default}, {@code *} for a namespace, or the name). */
    public String importedName(String local) {
        return importedName.get(local);
    }

    public boolean imports(String module) {
        return moduleOf.containsValue(module);
    }

    /** Whether {@code local} is the module itself (default or namespace import, or the whole require). */
    public boolean isModule(String local, String... modules) {
        String m = moduleOf.get(local);
        String n = importedName.get(local);
        if (m == null || !("default".equals(n) || "*".equals(n))) {
            return false;
        }
        for (String s : modules) {
            if (s.equals(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The declaration an identifier refers to at its use: the last {@code variable_declarator} of that name before
     * the use in a function (or module) enclosing it, else null.
     */
    public SyntaxNode declarator(SyntaxNode use) {
        SyntaxNode best = null;
        for (SyntaxNode d : declaratorsByName.getOrDefault(use.text(), List.of())) {
            if (d.start() > use.start()) {
                break;
            }
            SyntaxNode fn = Js.function(d);
            if (fn == null || fn.contains(use)) {
                best = d;
            }
        }
        return best;
    }

    /** The value an identifier was declared with (casts and parentheses off), null if unknown. */
    public SyntaxNode valueOf(SyntaxNode use) {
        SyntaxNode d = declarator(use);
        return d == null ? null : Js.unwrap(d.field("value"));
    }

    /** The parameter of an enclosing function that an identifier names, null when it is not a parameter. */
    public SyntaxNode parameter(SyntaxNode use) {
        String name = use.text();
        for (SyntaxNode fn = Js.function(use); fn != null; fn = Js.function(fn)) {
            SyntaxNode single = fn.field("parameter");
            if (single != null && single.text().equals(name)) {
                return single;
            }
            SyntaxNode ps = fn.field("parameters");
            if (ps == null) {
                continue;
            }
            for (SyntaxNode p : ps.namedChildren()) {
                SyntaxNode pat = p.isAny("required_parameter", "optional_parameter") ? p.field("pattern")
                        : p.is("assignment_pattern") ? p.field("left") : p;
                if (pat != null && pat.is("identifier") && pat.text().equals(name)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Whether an expression carries request data: reads {@code req.query}/{@code req.body}/... itself, or is a
     * variable declared from one ({@code const next = req.query.next}, {@code const {q} = req.query}, also with a
     * {@code ||} default) before its use in an enclosing function.
     */
    public boolean fromRequest(SyntaxNode e) {
        e = Js.unwrap(e);
        if (e == null) {
            return false;
        }
        if (Js.readsRequest(e)) {
            return true;
        }
        if (e.is("binary_expression") && ("||".equals(JsStrings.operator(e)) || "??".equals(JsStrings.operator(e)))) {
            return fromRequest(e.field("left"));
        }
        if (!e.is("identifier")) {
            return false;
        }
        String name = e.text();
        for (SyntaxNode d : declarators) {
            if (d.start() > e.start()) {
                break;
            }
            SyntaxNode fn = Js.function(d);
            SyntaxNode n = d.field("name");
            SyntaxNode v = Js.unwrap(d.field("value"));
            if (n == null || v == null || fn != null && !fn.contains(e)) {
                continue;
            }
            if (n.is("identifier") && n.text().equals(name)) {
                return Js.readsRequest(v) || v.is("binary_expression") && Js.readsRequest(v.field("left"));
            }
            if (n.is("object_pattern") && Js.readsRequest(v)) {
                for (SyntaxNode p : n.descendants("shorthand_property_identifier_pattern", "identifier")) {
                    if (p.text().equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
