package io.archlens.rules.js;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedosRegexTest {
    @Test
    void nestedUnboundedRepetitionIsReported() {
        for (String re : new String[] {"(a+)+", "(x+x+)+y", "(.*,)*", "^(\\w+\\s?)*$", "(\\d+)*$", "(?:a*b?)+c",
            "(?<word>[a-z]+)+!", "([^,]+,?)+$", "(a+){2,}"}) {
            assertTrue(RedosRegex.nested(re), re);
        }
    }

    @Test
    void pinnedOrBoundedRepetitionIsNot() {
        for (String re : new String[] {"^d+1337d+$", "(\\d+\\.)+", "(\\s*,\\s*)+", "[a-z]+", "(ab)+", "(a+){2}",
            "^\\/api\\/(v\\d+)\\/.*$", "[(a+)+]", "\\(a+\\)+", "^[\\w.+-]+@[\\w-]+\\.[\\w.]+$", "(\\w+-)+\\w+"}) {
            assertFalse(RedosRegex.nested(re), re);
        }
    }
}
