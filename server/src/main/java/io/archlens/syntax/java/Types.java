package io.archlens.syntax.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves simple type names from what one file says: its single-type imports, the types it declares and the
 * packages it imports with {@code *}; static imports map member names to their class. No symbol solving: a name
 * the file neither imports nor declares is taken at its word (same package, or {@code java.lang}).
 */
public final class Types {
    private final Map<String, String> imported = new HashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final Set<String> wildcardPackages = new HashSet<>();
    private final Set<String> declared = new HashSet<>();
    private final String pkg;

    /** {@code declaredTypes}: every type the file declares, nested ones included. */
    @SuppressWarnings("rawtypes")
    Types(CompilationUnit cu, java.util.List<? extends TypeDeclaration> declaredTypes) {
        pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration i : cu.getImports()) {
            String name = i.getNameAsString();
            if (i.isStatic()) {
                if (!i.isAsterisk()) {
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        staticMembers.put(name.substring(dot + 1), name.substring(0, dot));
                    }
                }
            } else if (i.isAsterisk()) {
                wildcardPackages.add(name);
            } else {
                imported.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        for (TypeDeclaration<?> t : declaredTypes) {
            declared.add(t.getNameAsString());
        }
    }

    /** The qualified name a simple (or dotted) type name stands for, as far as the file says. */
    public String qualified(String name) {
        if (name == null) {
            return null;
        }
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String imp = imported.get(first);
        if (imp != null) {
            return imp + name.substring(first.length());
        }
        if (declared.contains(first)) {
            return (pkg.isEmpty() ? "" : pkg + ".") + name;
        }
        return name;
    }

    /**
     * Whether {@code name} as written in this file may stand for {@code qualifiedName}: imported as it, or not
     * imported as anything else nor declared here with the same simple name.
     */
    public boolean is(String name, String qualifiedName) {
        if (name == null) {
            return false;
        }
        if (name.equals(qualifiedName)) {
            return true;
        }
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        String written = name;
        int nested = qualifiedName.lastIndexOf('.');
        // nested types written with their outer class (OkHttpClient.Builder)
        if (name.contains(".")) {
            String q = qualified(name);
            return q.equals(qualifiedName) || !imported.containsKey(name.substring(0, name.indexOf('.')))
                    && qualifiedName.endsWith("." + name);
        }
        if (!written.equals(simple) || nested < 0) {
            return false;
        }
        String imp = imported.get(written);
        if (imp != null) {
            return imp.equals(qualifiedName);
        }
        return !declared.contains(written);
    }

    /** The class a statically imported member comes from, or null. */
    public String staticOwner(String member) {
        return staticMembers.get(member);
    }

    /** Whether the file imports anything from the package or class prefix (a framework in use). */
    public boolean importsFrom(String prefix) {
        for (String q : imported.values()) {
            if (q.startsWith(prefix)) {
                return true;
            }
        }
        for (String w : wildcardPackages) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        for (String q : staticMembers.values()) {
            if (q.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
