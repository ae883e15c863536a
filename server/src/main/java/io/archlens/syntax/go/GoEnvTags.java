package io.archlens.syntax.go;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment reads declared by struct tags, in a file that uses an env-to-struct library (caarlos0/env,
 * kelseyhightower/envconfig, sethvargo/go-envconfig, ilyakaznacheev/cleanenv): {@code env:"HTTP_PORT,required"},
 * {@code envconfig:"PORT"}. A variable is required (no default recorded) only when the tag says so
 * ({@code required}, {@code required:"true"}, {@code env-required:"true"}) and gives no default; otherwise the
 * library leaves the zero value and the read is optional. Prefixes ({@code envPrefix}, a non-empty
 * {@code envconfig.Process} prefix) put the names out of view: a read without a key is recorded as well.
 */
final class GoEnvTags {
    private static final Pattern TAG = Pattern.compile("([A-Za-z][\\w-]*):\"([^\"]*)\"");
    private static final String[] LIBRARIES = {"github.com/caarlos0/env", "github.com/kelseyhightower/envconfig",
        "github.com/sethvargo/go-envconfig", "github.com/ilyakaznacheev/cleanenv", "github.com/Netflix/go-env"};

    private GoEnvTags() {
    }

    static void extract(CodeTree tree, CodeFacts.Builder b) {
        String text = tree.file().text();
        boolean uses = false;
        for (String lib : LIBRARIES) {
            uses |= text.contains(lib);
        }
        if (!uses) {
            return;
        }
        boolean prefixed = false;
        for (SyntaxNode f : tree.all("field_declaration")) {
            SyntaxNode tag = f.field("tag");
            if (tag == null) {
                continue;
            }
            Map<String, String> t = tags(Go.stringValue(tag) != null ? Go.stringValue(tag) : tag.text());
            prefixed |= t.containsKey("envPrefix") && !t.get("envPrefix").isEmpty();
            String spec = t.containsKey("env") ? t.get("env") : t.get("envconfig");
            if (spec == null || spec.isEmpty() || spec.equals("-")) {
                continue;
            }
            String[] parts = spec.split(",");
            String name = parts[0].strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean required = "true".equals(t.get("required")) || "true".equals(t.get("env-required"));
            for (int i = 1; i < parts.length; i++) {
                required |= parts[i].strip().equals("required");
            }
            String dflt = t.containsKey("envDefault") ? t.get("envDefault") : t.containsKey("env-default")
                    ? t.get("env-default") : t.get("default");
            b.configReads.add(new ConfigRead("env", name, dflt != null ? dflt : required ? null : "", f.range()));
        }
        if (prefixed || processWithPrefix(text)) {
            b.configReads.add(new ConfigRead("env", null, null, tree.root().range()));
        }
    }

    /** {@code envconfig.Process("app", &c)}: variables named APP_... */
    private static boolean processWithPrefix(String text) {
        for (int at = text.indexOf("envconfig.Process("); at >= 0; at = text.indexOf("envconfig.Process(", at + 1)) {
            int i = at + "envconfig.Process(".length();
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i + 1 < text.length() && text.charAt(i) == '"' && text.charAt(i + 1) != '"') {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> tags(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = TAG.matcher(raw);
        while (x.find()) {
            m.putIfAbsent(x.group(1), x.group(2));
        }
        return m;
    }
}
