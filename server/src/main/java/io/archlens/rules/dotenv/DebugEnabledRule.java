package io.archlens.rules.dotenv;

import io.archlens.secrets.SecretKeys;
import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Debug or development mode switched on ({@code DEBUG=true}, {@code FLASK_DEBUG=1}, {@code NODE_ENV=development},
 * {@code APP_ENV=dev}, {@code GIN_MODE=debug}, a dev Spring profile) in a file that is not clearly for
 * development: {@code .env}, {@code .env.production}, {@code .env.staging}, {@code api.env}. Files named for
 * development, local, test or CI use, and example files, are not checked.
 */
public final class DebugEnabledRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/debug-enabled", "Debug or development mode in a non-dev env file",
            Severity.WARNING, Category.SECURITY, FileKind.DOTENV).withFix();
    private static final Map<String, String> TRUTHY = Map.of("true", "false", "1", "0", "yes", "no", "on", "off",
            "True", "False", "TRUE", "FALSE");
    private static final Set<String> ENV_KEYS = Set.of("NODE_ENV", "APP_ENV", "FLASK_ENV", "RAILS_ENV", "RACK_ENV",
            "ENVIRONMENT", "ENV", "APP_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "GO_ENV",
            "MIX_ENV", "PYTHON_ENV", "DJANGO_ENV");
    private static final Set<String> DEV_VALUES = Set.of("dev", "development", "local", "debug");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        if (EnvFileRole.of(ctx.file().name()) != EnvFileRole.OTHER) {
            return;
        }
        String file = ctx.file().name();
        for (DotenvEntry e : env.entries()) {
            String key = e.key().toUpperCase(Locale.ROOT);
            if (!key.contains("DEBUG") && !key.contains("ENV") && !key.contains("MODE")
                    && !key.contains("PROFILES")) {
                continue;
            }
            String v = e.value().strip();
            String lv = v.toLowerCase(Locale.ROOT);
            List<String> words = SecretKeys.words(key);
            String replacement = null;
            boolean hit = false;
            if (!words.isEmpty() && words.get(words.size() - 1).equals("DEBUG") || key.equals("DEBUG_MODE")) {
                if (TRUTHY.containsKey(v) || TRUTHY.containsKey(lv)) {
                    hit = true;
                    replacement = TRUTHY.getOrDefault(v, TRUTHY.get(lv));
                }
            } else if (ENV_KEYS.contains(key) && DEV_VALUES.contains(lv)) {
                hit = true;
                replacement = Character.isUpperCase(v.charAt(0)) ? "Production" : "production";
            } else if (key.equals("GIN_MODE") && lv.equals("debug")) {
                hit = true;
                replacement = "release";
            } else if (key.equals("SPRING_PROFILES_ACTIVE")) {
                for (String p : lv.split("[,\\s]+")) {
                    hit |= p.equals("dev") || p.equals("local") || p.equals("development");
                }
            }
            if (!hit) {
                continue;
            }
            String msg = e.key() + " turns on debug/development mode in " + file + ", which is not named for"
                    + " development: debug modes leak stack traces and settings and can expose consoles; set it per"
                    + " environment, or move it to .env.development";
            if (replacement == null) {
                ctx.report(e.contentRange(), msg);
            } else {
                ctx.report(e.contentRange(), msg, Fix.unsafe("Set " + e.key() + "=" + replacement,
                        Edit.replace(e.contentRange(), replacement)));
            }
        }
    }
}
