package io.archlens.syntax.js;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.Grammar;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The JavaScript/TypeScript extractor: one file's {@link CodeFacts} (HTTP clients, SQL and command sinks, env
 * reads, routes, listens, service URLs, entities, SIGTERM handling), plus the grammar and test-code choices of the
 * {@code js} packs.
 */
public final class JsFacts {
    private static final Pattern TEST_PATH = Pattern.compile(
            "(?i).*/(tests?|__tests__|__mocks__|spec|specs|e2e|cypress|fixtures?)/.*|.*\\.(test|spec|e2e-spec|cy)\\.[cm]?[jt]sx?$"
            // code generators' templates and prompts (hygen, plop): they run on a developer's machine
            + "|(?i)(.*/)?(\\.hygen|_templates)/.*|(?i)(.*/)?plopfile\\.[cm]?[jt]s$"
            // build and test tooling configuration: runs on a developer's machine or in CI, not in the service
            + "|(?i)(.*/)?(gruntfile|gulpfile|(webpack|rollup|vite|vitest|jest|karma|playwright|cypress|babel|eslint"
            + "|next|nuxt|tailwind|postcss|svelte|astro|remix|tsup|esbuild)\\.conf(ig)?(\\.[\\w-]+)?)\\.[cm]?[jt]s$");
    private static final Pattern BROWSER_PATH = Pattern.compile(".*/(frontend|client|web|webapp|web-app|ui|public|"
            + "static|www|browser|extension|components|pages|views|actions|reducers|store|redux|hooks|assets)/.*");
    private static final Pattern BROWSER_TEXT = Pattern.compile(
            "\\b(window|document|navigator|localStorage|sessionStorage)\\.\\w|\\bdispatch\\(\\s*\\{\\s*type\\b");
    private static final Pattern BROWSER_IMPORT = Pattern.compile("react|react-dom|vue|svelte|@angular/core|preact|"
            + "solid-js|next/router|next/navigation|react-native");

    private JsFacts() {
    }

    public static Grammar grammar(SourceFile f) {
        String n = f.path().toLowerCase(Locale.ROOT);
        return n.endsWith(".tsx") ? Grammar.TSX
                : n.endsWith(".ts") || n.endsWith(".mts") || n.endsWith(".cts") ? Grammar.TYPESCRIPT
                : Grammar.JAVASCRIPT;
    }

    /**
     * Test code (a test folder, {@code *.test.ts}, {@code *.spec.js}) and build or test tooling configuration
     * ({@code Gruntfile.js}, {@code webpack.config.js}, {@code vite.config.ts}...): only the secret checks judge it.
     */
    public static boolean isTestPath(String path) {
        return TEST_PATH.matcher(path).matches();
    }

    /**
     * Code that runs in a browser: JSX/TSX files, a file importing a UI framework, under a front-end folder
     * ({@code frontend/}, {@code client/}, {@code components/}, {@code actions/}..., not {@code pages/api/}), or using
     * {@code window}, {@code document}, {@code localStorage} or Redux-style {@code dispatch({ type })}.
     */
    public static boolean isBrowser(CodeTree t) {
        return isBrowser(t, module(t));
    }

    private static final List<String> BROWSER_WORDS = List.of("window.", "document.", "navigator.", "localStorage.",
            "sessionStorage.", "dispatch(");

    /** {@link #BROWSER_TEXT}, run only when one of its words is in the text at all (indexOf is far cheaper). */
    private static boolean browserText(String text) {
        return BROWSER_WORDS.stream().anyMatch(text::contains) && BROWSER_TEXT.matcher(text).find();
    }

    static boolean isBrowser(CodeTree t, JsModule m) {
        String p = "/" + t.file().path().toLowerCase(Locale.ROOT).replace('\\', '/');
        if (p.endsWith(".jsx") || p.endsWith(".tsx") || BROWSER_PATH.matcher(p).matches() && !p.contains("/api/")
                || browserText(t.file().text())) {
            return true;
        }
        for (SyntaxNode imp : t.all("import_statement")) {
            String from = Js.stringValue(imp.field("source"));
            if (from != null && BROWSER_IMPORT.matcher(from).matches()) {
                return true;
            }
        }
        return m.imports("react") || m.imports("vue");
    }

    /**
     * The file's bindings (imports, declarations by name), made once per tree and kept by the tree itself (nothing
     * static holds a tree: a cache keyed by tree kept closed documents' trees alive in the editor session test).
     */
    public static JsModule module(CodeTree t) {
        return t.memo("js.module", () -> new JsModule(t.tree()));
    }

    public static CodeFacts extract(CodeTree t) {
        CodeFacts.Builder b = CodeFacts.builder();
        JsModule m = module(t);
        List<SyntaxNode> calls = t.all("call_expression");
        JsHttpFacts.add(m, calls, isBrowser(t, m), b);
        JsSinkFacts.add(m, new JsStrings(m), calls, b);
        JsServerFacts.add(m, calls, b);
        JsDecorated.add(m, b);
        return b.build();
    }
}
