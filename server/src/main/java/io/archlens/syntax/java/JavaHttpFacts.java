package io.archlens.syntax.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.code.HttpClientFact;
import io.archlens.code.HttpClientFact.Timeout;
import io.archlens.code.RemoteCall;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP clients a Java file builds and the remote calls it makes: RestTemplate (and its request factories and
 * builder), WebClient, java.net.http, Apache HttpClient 4/5 and OkHttp. A builder's settings are read along its
 * fluent chain and from calls on the variable it is stored in within the same method.
 */
final class JavaHttpFacts {
    private static final Map<String, Timeout> TIMEOUT_SETTERS = Map.ofEntries(
            Map.entry("setConnectTimeout", Timeout.CONNECT), Map.entry("connectTimeout", Timeout.CONNECT),
            Map.entry("setConnectionRequestTimeout", Timeout.CONNECT),
            Map.entry("setReadTimeout", Timeout.READ), Map.entry("readTimeout", Timeout.READ),
            Map.entry("responseTimeout", Timeout.RESPONSE), Map.entry("setResponseTimeout", Timeout.RESPONSE),
            Map.entry("timeout", Timeout.RESPONSE), Map.entry("callTimeout", Timeout.CALL),
            Map.entry("writeTimeout", Timeout.WRITE), Map.entry("setSocketTimeout", Timeout.READ));
    private static final Set<String> REQUEST_FACTORIES = Set.of(
            "org.springframework.http.client.SimpleClientHttpRequestFactory",
            "org.springframework.http.client.HttpComponentsClientHttpRequestFactory",
            "org.springframework.http.client.OkHttp3ClientHttpRequestFactory",
            "org.springframework.http.client.JdkClientHttpRequestFactory");
    private static final String REST_TEMPLATE = "org.springframework.web.client.RestTemplate";
    private static final String BUILDER = "org.springframework.boot.web.client.RestTemplateBuilder";
    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";
    private static final String HTTP_REQUEST = "java.net.http.HttpRequest";
    private static final List<String> APACHE = List.of("org.apache.http.impl.client.HttpClients",
            "org.apache.hc.client5.http.impl.classic.HttpClients");
    private static final List<String> APACHE_BUILDERS = List.of("org.apache.http.impl.client.HttpClientBuilder",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder");
    private static final String OKHTTP = "okhttp3.OkHttpClient";

    private JavaHttpFacts() {
    }

    static void clients(JavaFile f, List<HttpClientFact> out) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (Jx.creates(f, oc, REST_TEMPLATE)) {
                restTemplate(f, oc, out);
            } else if (REQUEST_FACTORIES.stream().anyMatch(q -> Jx.creates(f, oc, q)) && oc.getArguments().isEmpty()) {
                if (!(oc.getParentNode().orElse(null) instanceof ObjectCreationExpr)) {
                    add(f, oc, "rest-template", oc.getType().getNameAsString(), Jx.chainNames(oc), Set.of(), out);
                }
            } else if (Jx.creates(f, oc, BUILDER)) {
                builderChain(f, oc, "rest-template", "RestTemplateBuilder", Set.of("requestFactory",
                        "requestFactorySettings", "customizers", "additionalCustomizers"), out);
            } else if (Jx.creates(f, oc, OKHTTP) && oc.getArguments().isEmpty()) {
                add(f, oc, "okhttp", "OkHttpClient", Set.of(), Set.of(), out);
            } else if (Jx.creates(f, oc, OKHTTP + ".Builder") && oc.getArguments().isEmpty()) {
                builderChain(f, oc, "okhttp", "OkHttpClient.Builder", Set.of(), out);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (Jx.isStaticCall(f, c, WEB_CLIENT, "create")) {
                add(f, c, "webclient", "WebClient.create()", Set.of(), Set.of(), out);
            } else if (Jx.isStaticCall(f, c, WEB_CLIENT, "builder")) {
                builderChain(f, c, "webclient", "WebClient.builder()", Set.of("clientConnector", "exchangeFunction",
                        "apply"), out);
            } else if (Jx.isStaticCall(f, c, HTTP_REQUEST, "newBuilder")) {
                builderChain(f, c, "java-http", "HttpRequest", Set.of(), out);
            } else if (APACHE.stream().anyMatch(q -> Jx.isStaticCall(f, c, q, "createDefault", "createSystem",
                    "createMinimal"))) {
                add(f, c, "apache-http", "HttpClients." + c.getNameAsString() + "()", Set.of(), Set.of(), out);
            } else if (APACHE.stream().anyMatch(q -> Jx.isStaticCall(f, c, q, "custom"))
                    || APACHE_BUILDERS.stream().anyMatch(q -> Jx.isStaticCall(f, c, q, "create"))) {
                builderChain(f, c, "apache-http", "HttpClientBuilder", Set.of("setDefaultRequestConfig",
                        "setConnectionManager", "setDefaultSocketConfig"), out);
            } else if (c.getNameAsString().equals("build")) {
                Expression root = c;
                while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
                    root = m.getScope().get();
                }
                if (root.isNameExpr()) {
                    String type = Decls.typeOf(c, root.asNameExpr().getNameAsString());
                    if (type != null && f.types().is(type, BUILDER)) {
                        builderChain(f, root, "rest-template", "RestTemplateBuilder", Set.of("requestFactory",
                                "requestFactorySettings", "customizers", "additionalCustomizers"), out);
                    }
                }
            }
        }
    }

    /** {@code new RestTemplate()} (a request factory set later in the method counts) or with an inline default factory. */
    private static void restTemplate(JavaFile f, ObjectCreationExpr oc, List<HttpClientFact> out) {
        if (oc.getArguments().isEmpty()) {
            Set<String> names = Jx.chainNames(oc);
            boolean elsewhere = names.contains("setRequestFactory");
            add(f, oc, "rest-template", "new RestTemplate()", names, elsewhere ? Set.of("*") : Set.of(), out);
            return;
        }
        Expression a = oc.getArgument(0);
        if (a.isObjectCreationExpr() && a.asObjectCreationExpr().getArguments().isEmpty()
                && REQUEST_FACTORIES.stream().anyMatch(q -> Jx.creates(f, a.asObjectCreationExpr(), q))) {
            add(f, oc, "rest-template", "new RestTemplate(new " + a.asObjectCreationExpr().getType().getNameAsString()
                    + "())", Set.of(), Set.of(), out);
        }
    }

    private static void builderChain(JavaFile f, Expression root, String library, String what, Set<String> elsewhere,
            List<HttpClientFact> out) {
        Set<String> names = Jx.chainNames(root);
        if (!names.contains("build")) {
            return; // the builder leaves the method: whoever builds it may set timeouts
        }
        add(f, root, library, what, names, elsewhere, out);
    }

    private static void add(JavaFile f, Expression at, String library, String what, Set<String> names,
            Set<String> elsewhere, List<HttpClientFact> out) {
        EnumSet<Timeout> set = EnumSet.noneOf(Timeout.class);
        boolean configured = elsewhere.contains("*");
        for (String n : names) {
            Timeout t = TIMEOUT_SETTERS.get(n);
            if (t != null) {
                set.add(t);
            }
            configured |= elsewhere.contains(n);
        }
        Expression shown = at;
        if (at instanceof MethodCallExpr mc) {
            out.add(new HttpClientFact(library, what, f.nameRange(mc), set, configured, Jx.functionName(at)));
            return;
        }
        out.add(new HttpClientFact(library, what, f.range(shown instanceof ObjectCreationExpr oc ? oc.getType() : shown),
                set, configured, Jx.functionName(at)));
    }

    private static final Map<String, String> CLIENT_TYPES = Map.of(
            "RestTemplate", "http", "RestOperations", "http", "WebClient", "http", "HttpClient", "http",
            "RestClient", "http", "OkHttpClient", "http", "CloseableHttpClient", "http",
            "KafkaTemplate", "messaging", "RabbitTemplate", "messaging", "JmsTemplate", "messaging");
    private static final Set<String> HTTP_METHODS = Set.of("getForObject", "getForEntity", "postForObject",
            "postForEntity", "postForLocation", "put", "delete", "exchange", "execute", "patchForObject", "get", "post",
            "patch", "method", "send", "sendAsync", "newCall", "headForHeaders", "optionsForAllow");
    private static final Set<String> MESSAGING_METHODS = Set.of("send", "sendDefault", "convertAndSend",
            "convertSendAndReceive", "sendAndReceive", "executeInTransaction");

    static void remoteCalls(JavaFile f, List<RemoteCall> out) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String scope = Jx.scopeName(c);
            if (scope == null) {
                continue;
            }
            String type = Decls.typeOf(c, scope);
            if (type == null) {
                continue;
            }
            String simple = type.replaceAll("<.*", "");
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            String kind = CLIENT_TYPES.get(simple);
            if (kind == null) {
                continue;
            }
            Set<String> methods = kind.equals("http") ? HTTP_METHODS : MESSAGING_METHODS;
            if (methods.contains(c.getNameAsString())) {
                out.add(new RemoteCall(kind, scope, f.nameRange(c), Jx.functionName(c)));
            }
        }
    }
}
