package io.archlens.rules.spring;

import io.archlens.analysis.Rule;
import io.archlens.syntax.spring.SpringConfig;
import java.util.List;

/** The one list of Spring rule instances, shared by the .properties and the YAML pack. */
public final class SpringRules {
    public static final List<Rule<SpringConfig>> ALL = List.of(
            new ActuatorExposesAll(),
            new ActuatorSensitiveEndpoint(),
            new HealthDetailsAlways(),
            new LiteralSecret(),
            new DdlAutoOutsideDev(),
            new OpenInView(),
            new ShowSql(),
            new PoolTooLarge(),
            new PoolWithoutTimeouts(),
            new InactivePoolProperties(),
            new NoGracefulShutdown(),
            new ErrorDetailsExposed(),
            new RootLogDebug(),
            new H2ConsoleEnabled(),
            new DevtoolsOutsideDev(),
            new InsecureSessionCookie(),
            new WeakTls(),
            new ClientWithoutTimeout(),
            new DuplicateKey(),
            new DatasourceSuperuser(),
            new JdbcUrlInsecureTls(),
            new DevProfileSecret(),
            new KafkaProducerAcks(),
            new KafkaIdempotenceDisabled(),
            new KafkaOffsetReset(),
            new KafkaAutoCommit());

    private SpringRules() {
    }
}
