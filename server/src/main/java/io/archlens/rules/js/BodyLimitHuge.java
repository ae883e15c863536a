package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body parser allowed more than 10 MB: {@code express.json/urlencoded/text/raw} and body-parser's
 * {@code limit}, Fastify's {@code bodyLimit}, koa-body's {@code jsonLimit/formLimit/textLimit}. The defaults
 * (100 kB for Express, 1 MB for Fastify) are not reported: a parser without a limit option is fine. Parsing is
 * synchronous, so one 50 MB JSON body blocks every other request; files belong in streamed uploads.
 */
final class BodyLimitHuge extends JsRule {
    static final long MAX = 10L * 1024 * 1024;
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb)?\\s*");
    private static final Pattern PARSER = Pattern.compile("(express|bodyParser|bodyparser)\\.(json|urlencoded|text|raw)"
            + "|json|urlencoded|text|raw|koaBody|bodyParser|bodyparser|Fastify|fastify");

    BodyLimitHuge() {
        super(js("body-limit-huge", "Request body limit above 10 MB", Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode c : t.all("call_expression")) {
            String callee = Js.calleeText(c);
            if (!PARSER.matcher(callee).matches()) {
                continue;
            }
            SyntaxNode o = Js.arg(c, 0);
            for (String key : new String[] {"limit", "bodyLimit", "jsonLimit", "formLimit", "textLimit"}) {
                SyntaxNode v = Js.prop(o, key);
                long bytes = v == null ? -1 : bytes(v);
                if (bytes > MAX) {
                    ctx.report(Js.pair(o, key).range(), "The body parser accepts up to " + v.text() + ": parsing is "
                            + "synchronous, so a few such requests block every other one and hold the memory; keep "
                            + "the limit to what a request needs (the default is 100kb) and stream large uploads");
                }
            }
        }
    }

    static long bytes(SyntaxNode v) {
        v = Js.unwrap(v);
        if (v.text().equals("Infinity") || v.text().equals("Number.MAX_SAFE_INTEGER")) {
            return Long.MAX_VALUE;
        }
        String s = v.is("number") ? v.text().replace("_", "") : Js.stringValue(v);
        if (v.is("binary_expression") && v.text().matches("[\\d\\s*_]+")) {
            long r = 1;
            for (String p : v.text().split("\\*")) {
                r *= Long.parseLong(p.strip().replace("_", ""));
            }
            return r;
        }
        Matcher mt = s == null ? null : SIZE.matcher(s);
        if (mt == null || !mt.matches()) {
            return -1;
        }
        double n = Double.parseDouble(mt.group(1));
        String unit = mt.group(2) == null ? "b" : mt.group(2).toLowerCase(Locale.ROOT);
        int pow = "bkmgt".indexOf(unit.charAt(0));
        return (long) (n * Math.pow(1024, pow));
    }
}
