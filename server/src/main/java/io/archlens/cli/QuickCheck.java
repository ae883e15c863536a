package io.archlens.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code check PATH... [--format FORMAT] [--profile PROFILE]}, the form CI and scripts run, without picocli: its
 * classes are Java 5 bytecode that the launcher's class-data archive cannot hold (loaded and verified from the jar
 * each time), and it reflects over every command and option before the command starts; about a tenth of a
 * {@code check} of 500 files. Any other argument (another option, a repeated one, {@code -}, {@code @file}, a value
 * picocli would reject) goes through picocli as before, so errors, help and every other option read as they always
 * did. {@code QuickCheckTest} holds the fields set here equal to picocli's for the same arguments.
 */
public final class QuickCheck {
    private QuickCheck() {
    }

    /** The command with the fields picocli would set for {@code args}, or null when the arguments need picocli. */
    static CheckCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return null;
        }
        CheckCommand cmd = new CheckCommand();
        cmd.format = CheckCommand.Format.text; // the options' defaultValues
        cmd.failOn = "warning";
        cmd.color = Ansi.Mode.auto;
        boolean formatSet = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if ((a.equals("--format") || a.equals("--profile")) && i + 1 < args.length) {
                value = args[++i];
            }
            if (a.isEmpty() || a.startsWith("@") || value != null && (value.isEmpty() || value.startsWith("-")
                    || value.startsWith("@"))) {
                return null;
            }
            if (name.equals("--format") && value != null && !formatSet) {
                cmd.format = format(value);
                formatSet = true;
                if (cmd.format == null) {
                    return null;
                }
            } else if (name.equals("--profile") && value != null && cmd.options.profile == null) {
                cmd.options.profile = value;
            } else if (!a.startsWith("-")) {
                try {
                    cmd.options.paths.add(Path.of(a));
                } catch (InvalidPathException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return cmd;
    }

    private static CheckCommand.Format format(String v) {
        for (CheckCommand.Format f : CheckCommand.Format.values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Runs {@code args} when they are of the quick form, as picocli would (its console writers, its exit codes, its
     * message for a failure); null when they are not.
     */
    public static Integer run(String[] args) {
        CheckCommand cmd = parse(args);
        if (cmd == null) {
            return null;
        }
        cmd.out = writer(System.out, "sun.stdout.encoding");
        cmd.err = writer(System.err, "sun.stderr.encoding");
        try {
            Integer code = cmd.call();
            return code == null ? 0 : code;
        } catch (Exception e) {
            cmd.err.println("archlens: " + e.getMessage()); // Main.run's execution exception handler
            return 2;
        }
    }

    /** picocli's console writer: buffered, flushed on each line, in the console's encoding when Java names it. */
    private static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset cs;
        try {
            cs = name == null ? Charset.defaultCharset()
                    : Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
        } catch (RuntimeException e) {
            cs = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, cs)), true);
    }
}
