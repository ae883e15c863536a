package io.archlens.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port a container's {@code command:}/{@code entrypoint:} (Compose) or {@code command}/{@code args}
 * (Kubernetes) makes the server listen on: {@code gunicorn -b :8000}, {@code --bind 0.0.0.0:8000},
 * {@code uvicorn --port 8000}, {@code -p 8000}, {@code -listen=:5678}, {@code -Dserver.port=8081}, Traefik's
 * {@code --entryPoints.web.address=:80}. Read from the
 * file, so it is a fact, and it wins over EXPOSE and the image's usual port.
 */
public final class CommandPorts {
    /** A port a command binds, and the option that says so ({@code --bind 0.0.0.0:8000}). */
    public record Bind(int port, String option) {
    }

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?:^|\\s)(?:-b|--bind|--?listen|--address|--addr)(?:=|\\s+)\\S*?:(\\d{1,5})(?=\\s|$|[\"'])"),
            Pattern.compile("(?:^|\\s)(?:--port|-p|--http-port|--server-port|--server\\.port)(?:=|\\s+)(\\d{1,5})(?=\\s|$|[\"'])"),
            Pattern.compile("(?:^|\\s)-Dserver\\.port=(\\d{1,5})(?=\\s|$|[\"'])"));

    /** Traefik's entry points ({@code --entryPoints.websecure.address=:443}): each one a port it listens on. */
    private static final Pattern TRAEFIK_ENTRY = Pattern.compile(
            "(?i)(?:^|\\s)--entrypoints\\.[\\w-]+\\.address(?:=|\\s+)\\S*?:(\\d{1,5})(?:/\\w+)?(?=\\s|$|[\"'])");
    /** Traefik's dashboard and API on its own entry point, :8080 unless configured. */
    private static final Pattern TRAEFIK_API = Pattern.compile("(?i)(?:^|\\s)--api\\.insecure(?:=true)?(?=\\s|$|[\"'])");

    private CommandPorts() {
    }

    /**
     * Every port the command binds: Traefik's entry points (and its insecure API on 8080) each count; otherwise the
     * one {@link #of} finds. Empty when it names none.
     */
    public static List<Bind> all(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return List.of();
        }
        List<Bind> out = new java.util.ArrayList<>();
        Matcher m = TRAEFIK_ENTRY.matcher(commandLine);
        while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            if (port > 0 && port < 65536) {
                out.add(new Bind(port, shown(m.group())));
            }
        }
        if (!out.isEmpty()) {
            Matcher api = TRAEFIK_API.matcher(commandLine);
            if (api.find() && !commandLine.toLowerCase(Locale.ROOT).contains("--entrypoints.traefik.address")) {
                out.add(new Bind(8080, shown(api.group())));
            }
            return out;
        }
        Bind one = of(commandLine);
        return one == null ? List.of() : List.of(one);
    }

    /** The port the command binds, or null when it names none. */
    public static Bind of(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return null;
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(commandLine);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (port > 0 && port < 65536) {
                    return new Bind(port, shown(m.group()));
                }
            }
        }
        return null;
    }

    /** Node's inspector ({@code --inspect}, {@code --inspect-brk}, optionally {@code =[host:]port}; 9229 by default). */
    private static final Pattern NODE_INSPECT = Pattern.compile(
            "(?:^|\\s)--inspect(?:-brk)?(?:=(?:(?:[^\\s\"']*:)?(\\d{1,5})|[^\\s\"']+))?(?=\\s|$|[\"'])");
    /** The JVM's debug agent ({@code -agentlib:jdwp=...,address=*:5005}). */
    private static final Pattern JDWP = Pattern.compile("jdwp=\\S*?address=(?:[^\\s,:]*:)?(\\d{1,5})");
    /** debugpy's listen address ({@code --listen 5678}, {@code --listen 0.0.0.0:5678}), after the word debugpy. */
    private static final Pattern LISTEN = Pattern.compile("--listen\\s+(?:\\S*:)?(\\d{1,5})(?=\\s|$|[\"'])");

    /** The debugger ports the command opens besides the application's. */
    public static List<Bind> debugger(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return List.of();
        }
        List<Bind> out = new java.util.ArrayList<>();
        Matcher m = NODE_INSPECT.matcher(commandLine);
        if (m.find()) {
            out.add(new Bind(m.group(1) == null ? 9229 : Integer.parseInt(m.group(1)), shown(m.group())));
        }
        Matcher d = JDWP.matcher(commandLine);
        if (d.find()) {
            out.add(new Bind(Integer.parseInt(d.group(1)), shown(d.group())));
        }
        int py = commandLine.indexOf("debugpy");
        if (py >= 0) {
            // (a plain search after the word: a repeated group in the pattern recursed once per word and overflowed
            // the stack on a long command line)
            Matcher l = LISTEN.matcher(commandLine);
            if (l.find(py)) {
                out.add(new Bind(Integer.parseInt(l.group(1)), shown(l.group())));
            }
        }
        return out;
    }

    /** True when the command runs Redis Sentinel ({@code redis-sentinel}, {@code redis-server --sentinel}). */
    public static boolean sentinel(String commandLine) {
        return commandLine != null && commandLine.toLowerCase(Locale.ROOT).contains("sentinel");
    }

    /** The option as messages quote it: at most 80 characters of a command that can be any length. */
    private static String shown(String option) {
        String o = option.strip();
        return o.length() <= 80 ? o : o.substring(0, 77) + "...";
    }
}
