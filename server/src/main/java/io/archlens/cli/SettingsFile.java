package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.core.Position;
import io.archlens.filekind.FileKind;
import io.archlens.workspace.FileWalker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings file of {@code check} and {@code graph}: {@code --config FILE}, else the nearest
 * {@code .archlens.yml} (or {@code .archlens.yaml}) at or above the first path, up to the repository root
 * (a folder holding {@code .git}). The file is validated with the {@code config/} rules: its errors and
 * warnings go to stderr, and an invalid file (unparsable YAML, wrong types, unknown values) stops the command.
 */
final class SettingsFile {
    /** The settings, the folder {@code ignore:} globs are relative to, and the file read (null when none). */
    record Loaded(Settings settings, Path root, Path file) {
        /** True for the settings file itself, which the command reports on stderr rather than as a checked file. */
        boolean isFile(Path p) {
            return file != null && p.toAbsolutePath().normalize().equals(file);
        }
    }

    private SettingsFile() {
    }

    /** Null after printing why the file cannot be used (the command then exits 2). */
    static Loaded load(Path explicit, Path firstPath, Path cwd, PrintWriter err) {
        Path cfg = explicit != null ? explicit : find(firstPath);
        if (cfg == null) {
            return new Loaded(Settings.DEFAULTS, cwd, null);
        }
        cfg = cfg.toAbsolutePath().normalize();
        String display = FileWalker.rel(cwd, cfg);
        if (!Files.isRegularFile(cfg)) {
            err.println("archlens: no such settings file: " + display);
            return null;
        }
        String text;
        try {
            text = Files.readString(cfg, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            err.println("archlens: cannot read settings file " + display + ": " + e.getMessage());
            return null;
        }
        Settings settings = Settings.DEFAULTS;
        String unreadable = null;
        try {
            settings = ConfigLoader.parse(text);
        } catch (RuntimeException e) {
            unreadable = e.getMessage();
        }
        boolean invalid = unreadable != null;
        boolean errorShown = false;
        RuleBook book = RuleBook.loadDefault(); // (only when there is a file: a check without one loads it meanwhile)
        if (book.supports(FileKind.ARCHLENS_CONFIG)) {
            SourceFile src = new SourceFile(cfg.toUri().toString(), display, text, FileKind.ARCHLENS_CONFIG, 0);
            for (Finding f : book.analyze(src, Settings.DEFAULTS).findings()) { // its own rules: cannot silence its errors
                if (f.severity().atLeast(Severity.WARNING)) {
                    Position p = src.lines().position(f.range().start());
                    err.println(display + ":" + (p.line() + 1) + ":" + p.displayColumn() + ": " + f.severity().label()
                            + " " + f.ruleId() + " " + f.message());
                    errorShown |= f.severity() == Severity.ERROR;
                }
            }
        }
        if (unreadable != null && !errorShown) {
            err.println(display + ": error " + unreadable.replace('\n', ' '));
        }
        if (invalid || errorShown) {
            err.println("archlens: the settings file " + display + " is not valid; fix the errors above"
                    + " (see docs/configuration.md)");
            return null;
        }
        return new Loaded(settings, cfg.getParent(), cfg);
    }

    /** The nearest settings file at or above {@code start}, up to the repository root; null when none. */
    static Path find(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
        while (dir != null) {
            for (String n : new String[] {ConfigLoader.FILE_NAME, ".archlens.yaml"}) {
                Path c = dir.resolve(n);
                if (Files.isRegularFile(c)) {
                    return c;
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                return null;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
