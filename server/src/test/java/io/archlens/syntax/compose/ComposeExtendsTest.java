package io.archlens.syntax.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import org.junit.jupiter.api.Test;

class ComposeExtendsTest {
    private static ComposeFile parse(String text) {
        return ComposeParser.parse(SourceFile.of("docker-compose.yml", text, FileKind.COMPOSE)).model();
    }

    @Test
    void chainsResolveAndOnlyTheEffectiveViewInherits() {
        ComposeFile f = parse("""
                services:
                  base:
                    image: shop/api:1.4.2
                    restart: always
                  mid:
                    extends: base
                    read_only: true
                  leaf:
                    extends: {service: mid}
                """);
        ComposeService leaf = f.service("leaf");
        assertFalse(leaf.partial());
        assertNull(leaf.get("restart"), "the service's own keys only: a value finding is reported where it is written");
        assertEquals("always", leaf.effective().text("restart"));
        assertEquals("true", leaf.effective().text("read_only"));
        assertEquals("shop/api:1.4.2", leaf.effective().image().raw());
    }

    @Test
    void otherFilesUnknownNamesAndCyclesArePartial() {
        ComposeFile f = parse("""
                services:
                  remote:
                    extends: {file: common.yml, service: base}
                  lost:
                    extends: nowhere
                  a:
                    extends: b
                  b:
                    extends: a
                  self:
                    extends: self
                """);
        for (String n : new String[] {"remote", "lost", "a", "b", "self"}) {
            assertTrue(f.service(n).partial(), n);
        }
        assertNull(f.service("a").effective().get("image"));
    }
}
