package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerLauncherTest {
    @Test
    void theProtocolWarmUpParsesAnInitializeAndWritesAReply() {
        // a failure would only cost start-up time, silently: this keeps the warm-up itself working
        assertTrue(ServerLauncher.prepareProtocol());
    }
}
