package io.archlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LogTest {
    @Test
    void utcTimeOfDayMatchesJavaTime() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        for (long t : new long[] {0L, 999L, 1_000L, 59_999L, 3_599_999L, 86_399_999L, 1_765_152_731_042L, -1L}) {
            assertEquals(f.format(Instant.ofEpochMilli(t)), Log.utcTime(t), "at " + t);
        }
    }
}
