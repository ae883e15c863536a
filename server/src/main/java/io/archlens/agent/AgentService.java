package io.archlens.agent;

import io.archlens.agent.definition.AgentDefinition;
import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.prompt.AgentPrompt;
import io.archlens.agent.prompt.OutputContract;
import io.archlens.agent.prompt.PromptBuilder;
import io.archlens.agent.provider.AnthropicProvider;
import io.archlens.agent.provider.CancelToken;
import io.archlens.agent.provider.CircuitBreaker;
import io.archlens.agent.provider.Failure;
import io.archlens.agent.provider.HttpCaller;
import io.archlens.agent.provider.Loopback;
import io.archlens.agent.provider.OpenAiProvider;
import io.archlens.agent.provider.Provider;
import io.archlens.agent.provider.ProviderConfig;
import io.archlens.agent.provider.ProviderException;
import io.archlens.agent.provider.ProviderKind;
import io.archlens.agent.provider.ProviderReply;
import io.archlens.agent.provider.ProviderRequest;
import io.archlens.agent.provider.SafeLog;
import io.archlens.agent.redact.Redacted;
import io.archlens.agent.redact.Redactor;
import io.archlens.agent.redact.SendPolicy;
import io.archlens.agent.validate.AgentOutputParser;
import io.archlens.agent.validate.FindingValidator;
import io.archlens.agent.validate.RawFinding;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One review, synchronously: decide whether the file may be sent, redact it, build the prompt, answer from
 * the cache or call the provider (behind the circuit breaker and the daily budget), then validate the answer
 * into findings. Thread-safe; the LSP coordinator and the CLI both use it.
 */
public final class AgentService implements AutoCloseable {
    private static final int CACHE_ENTRIES = 512;
    /**
     * Idle connections are closed after this long: providers and the proxies in front of them close idle
     * connections after some seconds, and a request sent on such a connection fails ("Broken pipe").
     */
    static final int KEEP_ALIVE_SECONDS = 15;
    private static final int MAX_IDLE_CONNECTIONS = 4;

    private final AgentSettings settings;
    private final AgentDefinition definition;
    private final Provider provider;
    private final String model;
    private final String apiKey;
    private final String configProblem;
    private final ReviewCache cache = new ReviewCache(CACHE_ENTRIES);
    private final TokenBudget budget;
    private final CircuitBreaker breaker;
    private final PromptBuilder prompts;
    /** Summarises the system model around a file for the prompt (ArchLens' cross-file model); null when none. */
    private volatile java.util.function.Function<SourceFile, String> systemContext;
    private final AgentRuntime runtime;
    private final OkHttpClient client;

    private AgentService(AgentSettings settings, AgentDefinition definition, AgentRuntime runtime, PromptBuilder prompts) {
        this.settings = settings;
        this.definition = definition;
        this.runtime = runtime;
        this.prompts = prompts;
        this.model = settings.model() != null ? settings.model()
                : definition.model() != null ? definition.model() : settings.provider().defaultModel();
        String clientKey = runtime.clientApiKey();
        String key = clientKey != null && !clientKey.isBlank() ? clientKey : runtime.env().apply(settings.apiKeyEnv());
        boolean keyAllowed = keyMayGoTo(settings, runtime.userBaseUrl());
        if (key != null && !key.isBlank() && !keyAllowed) {
            SafeLog.log(Level.WARNING, "agent: not sending the API key to " + settings.baseUrl() + ": that URL comes from"
                    + " the project's settings. Confirm it in your editor settings (archlens.agent.baseUrl) or with"
                    + " --agent-base-url to send the key there.", key);
        }
        this.apiKey = keyAllowed ? key : null;
        this.configProblem = checkConfig(settings, apiKey);
        this.budget = new TokenBudget(settings.dailyTokenBudget(), runtime.clock());
        this.breaker = new CircuitBreaker(3, Duration.ofMinutes(5), runtime.clock(), runtime.notices());
        Duration timeout = Duration.ofMillis(settings.timeoutMs());
        HttpUrl base = HttpUrl.parse(settings.baseUrl());
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .connectTimeout(Math.min(10_000, settings.timeoutMs()), TimeUnit.MILLISECONDS)
                .readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .dns(Loopback.DNS)
                // A loopback endpoint is reached directly: a system proxy would carry the key off the machine.
                .proxy(base != null && isLoopback(base.host()) ? java.net.Proxy.NO_PROXY : null)
                .build();
        HttpCaller http = new HttpCaller(client, runtime.retry(), runtime.sleeper());
        ProviderConfig pc = new ProviderConfig(settings.provider(), settings.baseUrl(), model, apiKey, timeout);
        this.provider = settings.provider() == ProviderKind.ANTHROPIC ? new AnthropicProvider(pc, http)
                : new OpenAiProvider(pc, http, runtime.modes());
    }

    /** Builds the service for the configured agent; empty (with the reason in {@code why}) when it cannot run. */
    public static AgentService create(AgentSettings settings, AgentDefinitions definitions, AgentRuntime runtime) {
        return create(settings, definitions, runtime, new PromptBuilder());
    }

    public static AgentService create(AgentSettings settings, AgentDefinitions definitions, AgentRuntime runtime,
            PromptBuilder prompts) {
        Optional<AgentDefinition> def = definitions.get(settings.agentName());
        if (def.isEmpty()) {
            throw new IllegalArgumentException("no agent definition named '" + settings.agentName() + "' (available: "
                    + definitions.all().stream().map(AgentDefinition::name).toList() + ")");
        }
        return new AgentService(settings, def.get(), runtime, prompts);
    }

    private static String checkConfig(AgentSettings s, String key) {
        HttpUrl url = HttpUrl.parse(s.baseUrl());
        if (url == null) {
            return "agent.base-url '" + s.baseUrl() + "' is not a URL";
        }
        boolean hasKey = key != null && !key.isBlank();
        if (hasKey && !url.isHttps() && !isLoopback(url.host())) {
            return "refusing to send the API key over plain HTTP to " + url.host() + "; use an https:// base-url";
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        if (!hasKey && (host.equals("api.openai.com") || host.equals("api.anthropic.com") || host.equals("openrouter.ai"))) {
            return "no API key: set the environment variable " + s.apiKeyEnv() + " (agent.api-key-env) or pass the key"
                    + " from the editor";
        }
        return null;
    }

    /**
     * The key goes only where the user said: the provider's public API, a local server, or a base URL the user
     * confirmed outside the project (editor settings, command line). A cloned repository's .archlens.yml can
     * point the agent elsewhere, but it cannot make ArchLens send the user's key there.
     */
    static boolean keyMayGoTo(AgentSettings s, String userBaseUrl) {
        HttpUrl url = HttpUrl.parse(s.baseUrl());
        if (url == null) {
            return false;
        }
        HttpUrl official = HttpUrl.parse(s.provider().defaultBaseUrl());
        if (isLoopback(url.host()) || (official != null && url.host().equalsIgnoreCase(official.host()) && url.isHttps())) {
            return true;
        }
        return userBaseUrl != null && strip(userBaseUrl).equalsIgnoreCase(strip(s.baseUrl()));
    }

    private static String strip(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    static boolean isLoopback(String host) {
        return Loopback.isLoopbackHost(host);
    }

    public AgentDefinition definition() {
        return definition;
    }

    public AgentSettings settings() {
        return settings;
    }

    public String model() {
        return model;
    }

    /** Why no review can be sent at all with these settings (no key for a public provider...), or empty. */
    public Optional<String> configProblem() {
        return Optional.ofNullable(configProblem);
    }

    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    public long tokensUsedToday() {
        return budget.usedToday();
    }

    /** Whether this agent reviews files of this kind at all. */
    public boolean reviews(FileKind kind) {
        return definition.appliesTo(kind);
    }

    /** Why the file will not be sent, or empty when it may be. */
    public Optional<String> skipReason(SourceFile file) {
        if (!definition.appliesTo(file.kind())) {
            return Optional.of("the " + definition.name() + " agent does not review " + file.kind().id() + " files");
        }
        Optional<String> refusal = SendPolicy.refusal(file);
        if (refusal.isPresent()) {
            return refusal;
        }
        long bytes = file.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.maxFileBytes()) {
            return Optional.of(file.name() + " is " + bytes + " bytes, above agent.max-file-bytes ("
                    + settings.maxFileBytes() + ")");
        }
        if (file.text().indexOf('\0') >= 0) {
            return Optional.of(file.name() + " looks binary");
        }
        return Optional.empty();
    }

    private record Prepared(AgentPrompt prompt, ProviderRequest request, String cacheKey) {
    }

    private Prepared prepare(SourceFile file, ProjectContext project, List<Finding> ruleFindings) {
        Redacted redacted = Redactor.redact(file);
        String system = null;
        java.util.function.Function<SourceFile, String> sc = systemContext;
        if (sc != null) {
            try {
                system = sc.apply(file);
            } catch (RuntimeException e) {
                system = null; // the review goes on without the system summary
            }
        }
        AgentPrompt p = prompts.build(definition, file, redacted, project, ruleFindings, system);
        Double temperature = settings.temperature() != null ? settings.temperature() : definition.temperature();
        ProviderRequest req = new ProviderRequest(p.system(), p.user(), OutputContract.schema(), temperature,
                settings.maxOutputTokens());
        String key = ReviewCache.key(provider.describe(), model, definition.hash(), OutputContract.SCHEMA_VERSION,
                p.cacheMaterial());
        return new Prepared(p, req, key);
    }

    /**
     * Gives reviews a compact summary of the system model around each file (see
     * {@link io.archlens.model.SystemSummary#forAgent}); the summary is part of the cache key.
     */
    public void systemContext(java.util.function.Function<SourceFile, String> summary) {
        this.systemContext = summary;
    }

    /** Exactly what a review of this file would send now (nothing is sent). */
    public Payload preview(SourceFile file, ProjectContext project, List<Finding> ruleFindings) {
        Optional<String> skip = skipReason(file);
        if (skip.isPresent()) {
            return new Payload(provider.endpoint(), Map.of(), null, List.of(), skip.get());
        }
        Prepared p = prepare(file, project, ruleFindings);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (settings.provider() == ProviderKind.ANTHROPIC) {
            headers.put("anthropic-version", AnthropicProvider.API_VERSION);
            headers.put("x-api-key", apiKey == null ? "(none)" : "***");
        } else if (apiKey != null && !apiKey.isBlank()) {
            headers.put("Authorization", "Bearer ***");
        }
        return new Payload(provider.endpoint(), headers, provider.requestBody(p.request()).toString(),
                p.prompt().redacted().redactions(), configProblem);
    }

    /** The cached review of this exact content, without calling anything; empty when not cached. */
    public Optional<ReviewResult> cached(SourceFile file, ProjectContext project, List<Finding> ruleFindings) {
        if (skipReason(file).isPresent()) {
            return Optional.empty();
        }
        Prepared p = prepare(file, project, ruleFindings);
        String json = cache.get(p.cacheKey());
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(toResult(json, file, p, true, io.archlens.agent.provider.Usage.NONE));
        } catch (ProviderException e) {
            return Optional.empty();
        }
    }

    public ReviewResult review(SourceFile file, ProjectContext project, List<Finding> ruleFindings, CancelToken token) {
        Optional<String> skip = skipReason(file);
        if (skip.isPresent()) {
            return ReviewResult.skipped(skip.get());
        }
        Prepared p = prepare(file, project, ruleFindings);
        String cachedJson = cache.get(p.cacheKey());
        if (cachedJson != null) {
            try {
                return toResult(cachedJson, file, p, true, io.archlens.agent.provider.Usage.NONE);
            } catch (ProviderException e) {
                // cannot happen for a stored answer; fall through to a fresh call
            }
        }
        if (configProblem != null) {
            return ReviewResult.failed(Failure.NOT_CONFIGURED, configProblem);
        }
        if (token.isCancelled()) {
            return ReviewResult.cancelled();
        }
        try {
            token.gate(breaker.admit());
        } catch (ProviderException e) {
            return ReviewResult.failed(e.failure(), e.getMessage());
        }
        long estimate = (p.request().system().length() + p.request().user().length()) / 3L;
        if (!budget.reserve(estimate)) {
            String msg = "the daily token budget (" + budget.daily() + " tokens, agent.daily-token-budget) is spent;"
                    + " agent reviews resume tomorrow (UTC)";
            if (budget.shouldAnnounce()) {
                runtime.notices().accept("ArchLens agent: " + msg);
            }
            return ReviewResult.failed(Failure.BUDGET_EXHAUSTED, msg);
        }
        ProviderReply reply;
        try {
            reply = provider.complete(p.request(), token);
        } catch (ProviderException e) {
            budget.settle(estimate, e.failure() == Failure.CANCELLED ? 0 : estimate);
            breaker.failure(e);
            SafeLog.log(e.failure() == Failure.CANCELLED ? Level.FINE : Level.WARNING,
                    "agent: review of " + file.path() + " failed: " + e.failure() + ": " + e.getMessage(), apiKey);
            return ReviewResult.failed(e.failure(), e.getMessage());
        }
        long actual = reply.usage().total() > 0 ? reply.usage().total() : estimate + reply.json().length() / 3L;
        budget.settle(estimate, actual);
        try {
            ReviewResult r = toResult(reply.json(), file, p, false, reply.usage());
            breaker.success();
            cache.put(p.cacheKey(), reply.json());
            return r;
        } catch (ProviderException e) {
            breaker.failure(e);
            SafeLog.log(Level.WARNING, "agent: answer for " + file.path() + " rejected: " + e.getMessage(), apiKey);
            return ReviewResult.failed(e.failure(), e.getMessage());
        }
    }

    private ReviewResult toResult(String json, SourceFile file, Prepared p, boolean fromCache,
            io.archlens.agent.provider.Usage usage) throws ProviderException {
        List<RawFinding> raw = AgentOutputParser.parse(json);
        FindingValidator.Validated v = FindingValidator.validate(raw, file, p.prompt().redacted(), definition.name(),
                settings.minConfidence());
        for (String d : v.dropped()) {
            SafeLog.log(Level.FINE, "agent: dropped from " + file.path() + ": " + d, apiKey);
        }
        return ReviewResult.ok(v.findings(), fromCache, usage);
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
