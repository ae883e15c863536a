package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths read from files (nginx include, compose env_file, volumes) may hold anything: never an exception. */
class WorkspacePathsTest {
    static final String FROM = Path.of("/w/nginx/nginx.conf").toUri().toString();

    @Test
    void nulControlCharactersAndUnpairedSurrogatesAreNoPath() {
        for (String bad : new String[] {"conf.d/a\0.conf", "conf.d/\u0001x", "a\uD800.conf", "a\uDC00.conf", "/etc/\0x",
                "a\uD800"}) {
            assertNull(Workspace.absolute(FROM, "nginx/nginx.conf", bad), bad);
        }
    }

    @Test
    void ordinaryPathsStillResolve() {
        assertEquals(Path.of("/w/nginx/conf.d/app.conf"), Workspace.absolute(FROM, "nginx/nginx.conf", "nginx/conf.d/app.conf"));
        assertEquals(Path.of("/w/snippets/😀.conf"), Workspace.absolute(FROM, "nginx/nginx.conf", "snippets/😀.conf"));
    }
}
