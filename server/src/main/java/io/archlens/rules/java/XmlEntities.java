package io.archlens.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XML external entities (XXE). {@code enabled()}: a JAXP factory told to allow them ({@code disallow-doctype-decl}
 * false, {@code external-general-entities} or {@code external-parameter-entities} true, StAX's
 * {@code SUPPORT_DTD} or {@code IS_SUPPORTING_EXTERNAL_ENTITIES} true): a fact. {@code unhardened()}: a
 * {@code DocumentBuilderFactory}, {@code SAXParserFactory}, {@code TransformerFactory} or {@code XMLInputFactory}
 * created with {@code newInstance()} and used in view without any of the settings that turn entities off (the JDK's
 * defaults resolve them); quiet when the factory is handed to another method (configured there).
 */
final class XmlEntities extends JavaRule {
    private static final String DISALLOW = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final Set<String> STAX = Set.of("SUPPORT_DTD", "javax.xml.stream.supportDTD",
            "IS_SUPPORTING_EXTERNAL_ENTITIES", "javax.xml.stream.isSupportingExternalEntities");
    /** Factory type → the call that builds the parser (null: reported at the factory's creation). */
    private static final Map<String, String> FACTORIES = Map.of("DocumentBuilderFactory", "newDocumentBuilder",
            "SAXParserFactory", "newSAXParser", "TransformerFactory", "newTransformer", "XMLInputFactory", "");
    private final boolean enabled;

    private XmlEntities(boolean enabled, String id, String title, Severity severity) {
        super(java(id, title, severity, Category.SECURITY));
        this.enabled = enabled;
    }

    static XmlEntities enabled() {
        return new XmlEntities(true, "xxe-enabled", "XML external entities switched on", Severity.ERROR);
    }

    static XmlEntities unhardened() {
        return new XmlEntities(false, "xml-parser-xxe", "XML parser that resolves external entities",
                Severity.WARNING);
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (enabled) {
                if (turnsOn(c)) {
                    ctx.report(f.range(c), "This switches on DTDs or external entities: an uploaded or posted XML "
                            + "document with <!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]> reads server "
                            + "files or calls internal URLs; set disallow-doctype-decl to true (or SUPPORT_DTD to false)");
                }
                continue;
            }
            String type = c.getScope().map(f::printed).orElse("");
            type = type.substring(type.lastIndexOf('.') + 1);
            String build = FACTORIES.get(type);
            if (build == null || !c.getNameAsString().startsWith("new") || c.getNameAsString().equals(build)) {
                continue;
            }
            check(f, ctx, c, type, build);
        }
    }

    private void check(JavaFile f, RuleContext ctx, MethodCallExpr created, String type, String build) {
        List<MethodCallExpr> uses = new ArrayList<>();
        if (created.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == created) {
            uses.add(p);
        } else {
            String var = Jx.storedIn(created);
            if (var == null) {
                return;
            }
            boolean field = Decls.find(created, var).map(d -> d.field() != null).orElse(false);
            Node scope = field ? created.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(null)
                    : Jx.callable(created).map(m -> (Node) m).orElse(null);
            if (scope == null) {
                return;
            }
            Set<String> keys = new java.util.HashSet<>();
            for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
                if (m.getArguments().stream().anyMatch(a -> a.isNameExpr() && a.asNameExpr().getNameAsString().equals(var))) {
                    return; // handed to a method that may configure it
                }
                String on = m.getScope().map(s -> s.isFieldAccessExpr() ? s.asFieldAccessExpr().getNameAsString()
                        : s.toString()).orElse("");
                if (on.equals(var)) {
                    if (turnsOn(m)) {
                        return; // xxe-enabled reports it
                    }
                    if (hardens(m)) {
                        keys.add(key(m.getArgument(0)).replaceAll(".*(?i)(stylesheet|dtd)$", "$1").toUpperCase());
                        if (!type.equals("TransformerFactory") || keys.contains("STYLESHEET") && keys.contains("DTD")
                                || keys.contains("FEATURE_SECURE_PROCESSING")) {
                            return;
                        }
                    }
                    uses.add(m);
                }
            }
            if (scope.findAll(ReturnStmt.class).stream().anyMatch(r -> r.getExpression().map(e -> e.toString()
                    .equals(var)).orElse(false))) {
                return;
            }
        }
        String fix = type.equals("XMLInputFactory") ? "setProperty(XMLInputFactory.SUPPORT_DTD, false)"
                : type.equals("TransformerFactory") ? "setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, \"\") and "
                        + "ACCESS_EXTERNAL_STYLESHEET" : "setFeature(\"" + DISALLOW + "\", true)";
        String what = type + " keeps the JDK defaults, which resolve DTDs and external entities: an XML document "
                + "with <!ENTITY e SYSTEM \"file:///etc/passwd\"> reads server files or calls internal URLs; " + fix
                + " before use (assumes the XML can come from outside)";
        if (build.isEmpty()) {
            ctx.report(f.nameRange(created), what);
            return;
        }
        for (MethodCallExpr u : uses) {
            if (u.getNameAsString().equals(build)) {
                ctx.report(f.nameRange(u), what);
            }
        }
    }

    private static boolean turnsOn(MethodCallExpr c) {
        String n = c.getNameAsString();
        if (!(n.equals("setFeature") || n.equals("setProperty")) || c.getArguments().size() != 2) {
            return false;
        }
        String key = key(c.getArgument(0));
        Boolean v = bool(c.getArgument(1));
        if (v == null) {
            return false;
        }
        return key.equals(DISALLOW) && !v || (key.equals(GENERAL) || key.equals(PARAMETER)) && v
                || STAX.contains(key) && v;
    }

    private static boolean hardens(MethodCallExpr c) {
        String n = c.getNameAsString();
        if (c.getArguments().size() != 2) {
            return false;
        }
        String key = key(c.getArgument(0));
        Boolean v = bool(c.getArgument(1));
        if (n.equals("setFeature")) {
            return key.equals(DISALLOW) && Boolean.TRUE.equals(v) || key.equals(GENERAL) && Boolean.FALSE.equals(v)
                    || key.equals("FEATURE_SECURE_PROCESSING") && Boolean.TRUE.equals(v);
        }
        if (n.equals("setProperty") || n.equals("setAttribute")) {
            return STAX.contains(key) && Boolean.FALSE.equals(v) || key.endsWith("EXTERNAL_DTD")
                    || key.endsWith("accessExternalDTD") || key.endsWith("EXTERNAL_STYLESHEET")
                    || key.endsWith("accessExternalStylesheet");
        }
        return false;
    }

    /** A feature or property name: a literal's value, or the constant's simple name. */
    private static String key(Expression e) {
        if (e.isStringLiteralExpr()) {
            return e.asStringLiteralExpr().getValue();
        }
        String s = e.toString();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static Boolean bool(Expression e) {
        String s = e.toString();
        return s.equals("true") || s.equals("Boolean.TRUE") ? Boolean.TRUE
                : s.equals("false") || s.equals("Boolean.FALSE") ? Boolean.FALSE : null;
    }
}
