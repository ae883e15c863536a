package io.archlens.agent.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void loopbackLiteralsAndExactlyLocalhost() {
        for (String h : new String[] {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3", "127.255.255.255",
                "::1", "[::1]", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001"}) {
            assertTrue(Loopback.isLoopbackHost(h), h);
        }
    }

    @Test
    void namesThatOnlyLookLocalAreNotLoopback() {
        for (String h : new String[] {"127.attacker.example", "127.0.0.1.attacker.example", "127.0.0.1.nip.io",
                "localhost.attacker.example", "attacker-localhost", "127.0.0", "127.0.0.256", "127.0.0.1.", "1270.0.0.1",
                "128.0.0.1", "::2", "::ffff:8.8.8.8", "", "0.0.0.0", "10.0.0.1", "localhost:8080", "[::1]x"}) {
            assertFalse(Loopback.isLoopbackHost(h), h);
        }
        assertFalse(Loopback.isLoopbackHost(null));
    }

    @Test
    void localhostResolvesOnlyToLoopbackAddresses() throws UnknownHostException {
        for (InetAddress a : Loopback.DNS.lookup("localhost")) {
            assertTrue(a.isLoopbackAddress(), a.toString());
        }
    }

    @Test
    void aNameThatDoesNotResolveFailsCleanly() {
        assertThrows(UnknownHostException.class, () -> Loopback.DNS.lookup("no-such-host.invalid"));
    }
}
