package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.regex.Pattern;

/**
 * A gRPC client connection without TLS: {@code grpc.WithInsecure()} or
 * {@code grpc.WithTransportCredentials(insecure.NewCredentials())} in a dial whose target is not a loopback
 * address written in place and not picked by a condition (the configuration choosing plain text). A warning: a service mesh's sidecar may encrypt the traffic, which the code does not show.
 */
final class GrpcInsecure extends GoRule {
    private static final Pattern LOOPBACK = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1]|unix):?.*|:\\d+|passthrough:.*|bufnet");

    GrpcInsecure() {
        super(go("grpc-insecure", "gRPC connection without TLS", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            boolean insecure = callee.equals("grpc.WithInsecure") || callee.equals("insecure.NewCredentials")
                    && call.ancestor("call_expression") != null
                    && Go.callee(call.ancestor("call_expression")).equals("grpc.WithTransportCredentials");
            if (!insecure || loopback(call) || chosen(call)) {
                continue;
            }
            ctx.report(call.range(), callee + "() sends the calls in plain text: anyone on the network path reads "
                    + "and changes requests, replies and the tokens in their metadata (assuming no mesh sidecar "
                    + "encrypts it); use grpc.WithTransportCredentials(credentials.NewTLS(...))");
        }
    }

    /**
     * The option is picked by a condition of the function ({@code if cfg.Insecure}, {@code case "http", "h2c":}):
     * the configuration chooses plain text, which the code only follows.
     */
    private static boolean chosen(SyntaxNode call) {
        SyntaxNode fn = Go.function(call);
        SyntaxNode c = call.ancestor("if_statement", "expression_case");
        return c != null && fn != null && fn.contains(c);
    }

    /** The dial this option belongs to targets a loopback address written as a literal. */
    private static boolean loopback(SyntaxNode option) {
        for (SyntaxNode c = option.ancestor("call_expression"); c != null; c = c.ancestor("call_expression")) {
            String m = Go.method(c);
            if (m.equals("Dial") || m.equals("DialContext") || m.equals("NewClient")) {
                SyntaxNode target = Go.arg(c, m.equals("DialContext") ? 1 : 0);
                String v = Go.stringValue(Go.unwrap(target));
                return v != null && LOOPBACK.matcher(v).matches();
            }
        }
        return false;
    }
}
