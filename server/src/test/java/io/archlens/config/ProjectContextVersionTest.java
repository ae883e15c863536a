package io.archlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectContextVersionTest {
    @Test
    void databaseVersionIsTheMajorOfWhatIsWritten() {
        assertEquals(11, ProjectContext.majorVersion(11));
        assertEquals(11, ProjectContext.majorVersion("11.22"));
        assertEquals(16, ProjectContext.majorVersion("postgres 16"));
        assertNull(ProjectContext.majorVersion("latest"));
        ProjectContext c = ProjectContext.fromMap(Map.of("database", Map.of("engine", "postgres", "version", "11")));
        assertTrue(c.databaseOlderThan(12));
        assertFalse(c.databaseOlderThan(11));
        assertFalse(ProjectContext.EMPTY.databaseOlderThan(12));
    }
}
