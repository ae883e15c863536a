package io.archlens.rules.java;

import io.archlens.analysis.Category;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.code.HttpClientFact;
import io.archlens.code.Sink;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.MissingTimeout;
import io.archlens.rules.code.StringSink;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.JavaSourceParser;
import java.util.List;

/** The Java and Spring rules ({@code java/*}): the shared code rules on Java's facts, and Java's own. */
public final class JavaPack implements RulePack<JavaFile> {
    private static final Parser<JavaFile> PARSER = new JavaSourceParser();
    private static final List<Rule<JavaFile>> RULES = List.of(
            new MissingTimeout<>(JavaRule.java("rest-template-no-timeout", "RestTemplate without connect/read timeouts",
                    Severity.WARNING, Category.RELIABILITY), "rest-template",
                    "sets no read timeout: a slow or silent server holds the calling thread for ever; set connect and read timeouts "
                            + "(RestTemplateBuilder.connectTimeout/readTimeout, or the request factory's setters)"),
            new MissingTimeout<>(JavaRule.java("webclient-no-timeout", "WebClient without a response timeout",
                    Severity.WARNING, Category.RELIABILITY), "webclient",
                    "sets no response timeout: a request without an answer stays pending for ever; give it a connector with "
                            + "HttpClient.create().responseTimeout(...) or add .timeout(...) to each call"),
            new MissingTimeout<>(JavaRule.java("http-request-no-timeout", "java.net.http request without a timeout",
                    Severity.WARNING, Category.RELIABILITY), "java-http",
                    "sets no timeout: HttpClient.send waits for the response without limit; add .timeout(Duration.ofSeconds(...))"),
            new MissingTimeout<>(JavaRule.java("apache-http-no-timeout", "Apache HttpClient without timeouts",
                    Severity.WARNING, Category.RELIABILITY), "apache-http",
                    "sets no timeouts: its default socket/response timeout is infinite; set a RequestConfig with connect and "
                            + "response (socket) timeouts through setDefaultRequestConfig"),
            new MissingTimeout<>(JavaRule.java("okhttp-no-call-timeout", "OkHttp client without a call timeout",
                    Severity.INFO, Category.RELIABILITY), "okhttp",
                    c -> !c.configuredElsewhere() && !c.timeouts().contains(HttpClientFact.Timeout.CALL),
                    "sets no call timeout: OkHttp's 10 s defaults bound each read, not the call; a server that trickles bytes keeps "
                            + "it going; set callTimeout(...) on the builder"),
            new StringSink<>(JavaRule.java("sql-from-string", "SQL built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.SQL),
            new StringSink<>(JavaRule.java("command-from-string", "Command line built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.COMMAND),
            new StringSink<>(JavaRule.java("expression-from-string", "Expression or script built from strings",
                    Severity.ERROR, Category.SECURITY), Sink.Kind.EXPRESSION),
            new StringSink<>(JavaRule.java("ldap-filter-from-string", "LDAP filter built from strings",
                    Severity.ERROR, Category.SECURITY), Sink.Kind.LDAP),
            SinkFromParameter.sql(),
            SinkFromParameter.command(),
            SinkFromParameter.expression(),
            RequestDataSink.redirect(),
            RequestDataSink.path(),
            RequestDataSink.url(),
            new WeakCipher(),
            new StaticIv(),
            XmlEntities.enabled(),
            XmlEntities.unhardened(),
            CookieFlags.disabled(),
            CookieFlags.missing(),
            CryptoSettings.tls(),
            CryptoSettings.keySize(),
            UnsafeLoaders.yaml(),
            UnsafeLoaders.xmlDecoder(),
            LdapSettings.anonymous(),
            LdapSettings.returningObjects(),
            new JwtUnsigned(),
            new WorldWritableFile(),
            new JacksonDefaultTyping(),
            new TransactionalPrivateMethod(),
            new TransactionalSelfInvocation(),
            new RemoteCallInTransaction(),
            new EagerCollection(),
            new FindAllWithoutPaging(),
            new CachedThreadPool(),
            new UnboundedExecutorQueue(),
            new AsyncWithoutExecutor(),
            new ParallelStreamInHandler(),
            new BlockInReactive(),
            new SleepInHandler(),
            new CorsWildcardCredentials(),
            new CsrfDisabled(),
            new ActuatorPermitAll(),
            new NoopPasswordEncoder(),
            new WeakPasswordHash(),
            new InsecureRandomToken(),
            new JwtUnverified(),
            new TrustAllCertificates(),
            new HostnameVerificationDisabled(),
            new UnsafeDeserialization(),
            new HardcodedSecret(),
            new SecretInLog(),
            new SwallowedException(),
            new PrintStackTrace(),
            new ExceptionMessageToClient());

    @Override
    public FileKind kind() {
        return FileKind.JAVA;
    }

    @Override
    public Parser<JavaFile> parser() {
        return PARSER;
    }

    @Override
    public List<Rule<JavaFile>> rules() {
        return RULES;
    }
}
