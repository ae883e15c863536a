package io.archlens.cli;

import io.archlens.analysis.Severity;

/** Terminal colours for the text report: on for a terminal unless NO_COLOR is set, or as --color says. */
record Ansi(boolean on) {
    static final Ansi OFF = new Ansi(false);

    enum Mode { auto, always, never }

    /** {@code auto}: colour when stdout is a terminal and NO_COLOR (https://no-color.org) is unset or empty. */
    static Ansi of(Mode mode, String noColorEnv, boolean terminal) {
        return new Ansi(switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> terminal && (noColorEnv == null || noColorEnv.isEmpty());
        });
    }

    /**
     * Whether stdout is a terminal. Java 22 and later return a console even when output is redirected and tell
     * with {@code Console.isTerminal()} (called reflectively: the code base targets Java 17).
     */
    static boolean stdoutIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22 a console means stdin and stdout are terminals
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    String rule(String s) {
        return wrap("1;35", s);
    }

    String severity(Severity sev, String s) {
        return wrap(switch (sev) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case INFO -> "1;34";
            case HINT -> "36";
        }, s);
    }
}
