package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The quick {@code check} start sets exactly the fields picocli sets, and leaves every other form to picocli. */
class QuickCheckTest {
    @Test
    void sameCommandAsPicocli() throws Exception {
        for (String[] args : List.of(
                new String[] {"check"},
                new String[] {"check", "examples"},
                new String[] {"check", "examples", "--format", "json"},
                new String[] {"check", "--format=sarif", "a", "b/c.yml"},
                new String[] {"check", "--profile", "strict", "x", "--format", "junit"},
                new String[] {"check", "--profile=essential", "a=b", "check"},
                new String[] {"check", "--format", "text", "--profile", "anything"})) {
            CheckCommand quick = QuickCheck.parse(args);
            assertNotNull(quick, Arrays.toString(args));
            CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
            CheckCommand viaPicocli = (CheckCommand) parsed.subcommand().commandSpec().userObject();
            assertEquals(fields(viaPicocli), fields(quick), Arrays.toString(args));
            assertEquals(fields(viaPicocli.options), fields(quick.options), Arrays.toString(args));
        }
    }

    @Test
    void otherFormsGoThroughPicocli() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"rules"},
                new String[] {"check", "-"},
                new String[] {"check", "--", "x"},
                new String[] {"check", "@args.txt"},
                new String[] {"check", "x", "--format"},
                new String[] {"check", "x", "--format", "JSON"},
                new String[] {"check", "x", "--format", "xml"},
                new String[] {"check", "x", "--format="},
                new String[] {"check", "x", "--format", "json", "--format", "text"},
                new String[] {"check", "x", "--profile", "a", "--profile", "b"},
                new String[] {"check", "x", "--profile", "--format"},
                new String[] {"check", "x", "--fix"},
                new String[] {"check", "x", "-v"},
                new String[] {"check", "x", "--help"},
                new String[] {"check", "x", "--select=docker"},
                new String[] {"check", ""})) {
            assertNull(QuickCheck.parse(args), Arrays.toString(args));
        }
    }

    /** The instance fields picocli may set (every field but the injected spec and the test hooks' defaults). */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec") || f.getName().equals("options")
                    || f.getName().equals("stdin")) {
                continue;
            }
            f.setAccessible(true);
            out.put(f.getName(), f.get(o));
        }
        return out;
    }
}
