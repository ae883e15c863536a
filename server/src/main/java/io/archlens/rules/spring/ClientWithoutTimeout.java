package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Remote clients that can wait (almost) forever, in non-development documents:
 * <ul>
 *   <li>an OpenFeign client config ({@code spring.cloud.openfeign.client.config.<name>} or legacy
 *       {@code feign.client.config.<name>}) with neither connect-timeout nor read-timeout, when {@code default}
 *       sets none either (Feign then waits 10s to connect and 60s per read);</li>
 *   <li>Redis configured ({@code spring.data.redis.host/url}, legacy {@code spring.redis.*}) without
 *       {@code timeout} (Lettuce waits 60s per command);</li>
 *   <li>RabbitMQ configured ({@code spring.rabbitmq.host/addresses}) without {@code connection-timeout} (the
 *       client waits 60s);</li>
 *   <li>a known timeout set to 0 or a negative value, which means "no timeout": Feign, Redis,
 *       {@code spring.mvc.async.request-timeout}, {@code spring.http.client.*}, Elasticsearch, Spring Cloud
 *       Gateway's HTTP client, RabbitMQ's connection timeout and heartbeat. (HikariCP's are checked by spring/pool-without-timeouts.)</li>
 * </ul>
 */
final class ClientWithoutTimeout extends SpringRule {
    static final RuleMeta META = spring("client-without-timeout",
            "A remote client is configured without a timeout", Severity.WARNING, Category.RELIABILITY);
    private static final String[] FEIGN = {key("spring.cloud.openfeign.client.config"), key("feign.client.config")};
    private static final String[] REDIS = {key("spring.data.redis"), key("spring.redis")};
    private static final List<String> ZERO_MEANS_NONE = List.of(key("spring.mvc.async.request-timeout"),
            key("spring.data.redis.timeout"), key("spring.data.redis.connect-timeout"), key("spring.redis.timeout"),
            key("spring.redis.connect-timeout"), key("spring.http.client.connect-timeout"),
            key("spring.http.client.read-timeout"), key("spring.elasticsearch.connection-timeout"),
            key("spring.elasticsearch.socket-timeout"), key("spring.cloud.gateway.httpclient.connect-timeout"),
            key("spring.cloud.gateway.httpclient.response-timeout"), key("spring.rabbitmq.connection-timeout"),
            key("spring.rabbitmq.requested-heartbeat"));
    private static final String RABBIT = key("spring.rabbitmq");
    private static final Pattern NONE = Pattern.compile("\\s*(-\\d+\\w*|0+(ns|us|ms|s|m|h|d)?)\\s*",
            Pattern.CASE_INSENSITIVE);

    ClientWithoutTimeout() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : ZERO_MEANS_NONE) {
                for (SpringProperty p : last(doc, k)) {
                    reportIfNone(ctx, p);
                }
            }
            for (String feign : FEIGN) {
                feign(cfg, doc, feign, ctx);
            }
            for (String redis : REDIS) {
                SpringProperty host = doc.get(redis + ".host");
                if (host == null) {
                    host = doc.get(redis + ".url");
                }
                if (host != null && !cfg.effectiveHas(doc, redis + ".timeout")) {
                    ctx.report(host.keyRange(), "Redis is configured without a command timeout ("
                            + (redis.startsWith("spring.data") ? "spring.data.redis" : "spring.redis")
                            + ".timeout): Lettuce waits 60s per command when Redis stalls, tying up request"
                            + " threads; set a timeout of a few hundred ms to 2s");
                }
            }
            SpringProperty rabbit = doc.get(RABBIT + ".host") != null ? doc.get(RABBIT + ".host")
                    : doc.get(RABBIT + ".addresses");
            if (rabbit != null && !cfg.effectiveHas(doc, RABBIT + ".connectiontimeout")) {
                ctx.report(rabbit.keyRange(), "RabbitMQ is configured without spring.rabbitmq.connection-timeout: the "
                        + "client waits 60s for an unreachable broker, on the thread that sends; set a few seconds");
            }
        }
    }

    private static void reportIfNone(RuleContext ctx, SpringProperty p) {
        if (NONE.matcher(p.value()).matches()) {
            ctx.report(p.valueRange(), p.key() + "=" + p.value().trim() + " means no timeout: one slow dependency"
                    + " holds threads and connections until they run out; set a finite timeout");
        }
    }

    private static void feign(SpringConfig cfg, SpringDocument doc, String prefix, RuleContext ctx) {
        List<SpringProperty> under = doc.under(prefix);
        if (under.isEmpty()) {
            return;
        }
        Map<String, Boolean> clients = new LinkedHashMap<>();
        for (SpringProperty p : under) {
            String rest = p.canonical().substring(prefix.length() + 1);
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String last = p.lastSegment();
            boolean timeout = last.equals("connecttimeout") || last.equals("readtimeout");
            if (timeout) {
                reportIfNone(ctx, p);
            }
            clients.merge(name, timeout, Boolean::logicalOr);
        }
        boolean defaultHas = clients.getOrDefault("default", false);
        if (!defaultHas) {
            for (SpringDocument d : cfg.documents()) {
                if (d != doc && d.unconditional()) {
                    for (SpringProperty p : d.under(prefix + ".default")) {
                        String last = p.lastSegment();
                        if (last.equals("connecttimeout") || last.equals("readtimeout")) {
                            defaultHas = true;
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, Boolean> c : clients.entrySet()) {
            if (c.getValue() || defaultHas) {
                continue;
            }
            TextRange at = doc.prefixRange(prefix + "." + c.getKey());
            if (at == null) {
                continue;
            }
            ctx.report(at, "Feign client '" + c.getKey() + "' has no connect-timeout or read-timeout (here or in"
                    + " 'default'): calls wait 10s to connect and 60s per read; set both to what the caller can"
                    + " afford");
        }
    }
}
