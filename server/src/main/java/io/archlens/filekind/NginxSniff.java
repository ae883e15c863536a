package io.archlens.filekind;

import java.util.Set;

/**
 * Recognises nginx configuration by its vocabulary, for files whose name does not say so (a {@code .conf} of any
 * folder, {@code default}, {@code site}, include-able snippets that hold only directives). A line counts for nginx
 * when it starts with a known directive and ends a statement ({@code ;}) or opens a block ({@code {}); lines inside
 * {@code map}/{@code geo}/{@code types} bodies and string continuations are neutral. The file is nginx when at least
 * {@link #MIN_DIRECTIVES} lines count, three quarters of the other lines do, and one of them is a directive no
 * other format uses ({@code listen}, {@code proxy_pass}, {@code add_header}...), so C-like code ({@code if (x) {},
 * {@code return 0;}) or shell, INI and Apache files never qualify. Reads at most {@link #MAX_LINES} lines.
 */
final class NginxSniff {
    static final int MIN_DIRECTIVES = 2;
    static final int MAX_LINES = 2_000;
    static final int MAX_CONTINUATION = 8;
    /** Directives (and map/geo keywords) that also read as words of other languages: they count, but never alone. */
    private static final Set<String> COMMON = Set.of("if", "return", "set", "default", "include", "user", "root",
            "index", "allow", "deny", "types", "map", "geo", "events", "http", "server", "stream", "mail", "pid",
            "rewrite", "break", "alias", "internal", "expires", "charset", "resolver", "upstream", "split_clients",
            "load_module", "env", "daemon", "hostnames", "use", "hash");
    private static final Set<String> DISTINCT = Set.of("listen", "server_name", "location", "try_files",
            "add_header", "more_set_headers", "more_clear_headers", "access_log", "error_log", "log_format",
            "error_page", "sendfile", "tcp_nopush", "tcp_nodelay", "keepalive_timeout", "keepalive_requests",
            "server_tokens", "worker_processes", "worker_connections", "worker_rlimit_nofile", "default_type",
            "types_hash_max_size", "server_names_hash_bucket_size", "server_names_hash_max_size",
            "underscores_in_headers", "ignore_invalid_headers", "large_client_header_buffers", "send_timeout",
            "reset_timedout_connection", "autoindex", "etag", "sub_filter", "sub_filter_once", "set_real_ip_from",
            "real_ip_header", "real_ip_recursive", "auth_basic", "auth_basic_user_file", "auth_request", "satisfy",
            "open_file_cache", "open_file_cache_valid", "open_file_cache_min_uses", "open_file_cache_errors",
            "resolver_timeout", "http2", "ssi", "multi_accept", "accept_mutex", "lingering_close",
            "variables_hash_max_size", "merge_slashes", "absolute_redirect", "port_in_redirect",
            "server_name_in_redirect", "output_buffers", "postpone_output", "chunked_transfer_encoding",
            "if_modified_since", "stub_status", "add_trailer", "health_check", "zone", "least_conn", "ip_hash",
            "keepalive", "max_ranges", "aio", "directio", "limit_except", "valid_referers");
    private static final String[] DISTINCT_PREFIXES = {"proxy_", "ssl_", "gzip", "brotli", "fastcgi_", "uwsgi_",
            "scgi_", "grpc_", "client_body_", "client_header_", "client_max_body_size", "limit_req", "limit_conn",
            "limit_rate", "http2_", "quic_", "memcached_", "ajp_", "js_", "lua_", "content_by_lua", "access_by_lua"};
    private static final Set<String> DATA_BLOCKS = Set.of("map", "geo", "types", "split_clients", "charset_map",
            "match");

    private NginxSniff() {
    }

    static boolean looksLikeNginx(String text) {
        int counted = 0;
        int other = 0;
        boolean distinct = false;
        int depth = 0;
        int dataDepth = -1;
        int lines = 0;
        String pending = null;
        int pendingLines = 0;
        int i = 0;
        int n = text.length();
        while (i < n && lines++ < MAX_LINES) {
            int eol = text.indexOf('\n', i);
            int end = eol < 0 ? n : eol;
            String line = stripComment(text.substring(i, end)).strip();
            i = eol < 0 ? n : eol + 1;
            if (line.isEmpty()) {
                continue;
            }
            int opens = count(line, '{');
            int closes = count(line, '}');
            boolean inData = dataDepth >= 0 && depth > dataDepth;
            String word = firstWord(line);
            boolean directive = known(word) && word.length() < line.length()
                    && (Character.isWhitespace(line.charAt(word.length())) || line.charAt(word.length()) == '{'
                    || line.charAt(word.length()) == ';');
            if (pending != null) {
                // the continuation of a directive spread over lines (log_format, long add_header values)
                if (endsStatement(line)) {
                    counted++;
                    distinct |= isDistinct(pending);
                    pending = null;
                } else if (++pendingLines > MAX_CONTINUATION) {
                    pending = null; // not a directive after all: prose that starts with a directive's name
                    other += pendingLines;
                }
            } else if (inData || line.startsWith("}") || line.startsWith("'") || line.startsWith("\"")) {
                // neutral: a map/geo/types body, a closing brace, a continued string
            } else if (directive && endsStatement(line)) {
                counted++;
                distinct |= isDistinct(word);
                if (DATA_BLOCKS.contains(word) && opens > closes && dataDepth < 0) {
                    dataDepth = depth;
                }
            } else if (directive && isDistinct(word)) {
                pending = word;
                pendingLines = 0;
            } else {
                other++;
            }
            depth += opens - closes;
            if (dataDepth >= 0 && depth <= dataDepth) {
                dataDepth = -1;
            }
        }
        return distinct && counted >= MIN_DIRECTIVES && other * 3 <= counted;
    }

    private static boolean endsStatement(String line) {
        char last = line.charAt(line.length() - 1);
        return last == ';' || last == '{' || last == '}' && line.indexOf('{') >= 0;
    }

    private static boolean known(String word) {
        return COMMON.contains(word) || isDistinct(word);
    }

    private static boolean isDistinct(String word) {
        if (DISTINCT.contains(word)) {
            return true;
        }
        for (String p : DISTINCT_PREFIXES) {
            if (word.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String line) {
        int k = 0;
        while (k < line.length() && (Character.isLetterOrDigit(line.charAt(k)) || line.charAt(k) == '_')) {
            k++;
        }
        return line.substring(0, k);
    }

    /** The line without a {@code #} comment (a {@code #} inside quotes is kept). */
    private static String stripComment(String line) {
        char quote = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, k);
            }
        }
        return line;
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
