package io.archlens.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port a container's {@code command:}/{@code entrypoint:} (Compose) or {@code command}/{@code args}
 * (Kubernetes) makes the server listen on: {@code gunicorn -b :8000}, {@code --bind 0.0.0.0:8000},
 * {@code uvicorn --port 8000}, {@code -p 8000}, {@code -listen=:5678}, {@code -Dserver.port=8081}. Read from the
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

    private CommandPorts() {
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
                    return new Bind(port, m.group().strip());
                }
            }
        }
        return null;
    }

    /** True when the command runs Redis Sentinel ({@code redis-sentinel}, {@code redis-server --sentinel}). */
    public static boolean sentinel(String commandLine) {
        return commandLine != null && commandLine.toLowerCase(Locale.ROOT).contains("sentinel");
    }
}
