package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped image starts a development server ({@code ng serve}, {@code flask run}, {@code manage.py runserver},
 * {@code nodemon}, {@code webpack serve}, {@code npm run dev}, {@code --reload}...) or is built on a development
 * container image.
 */
final class DevServerImage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("dev-server-image", "The image runs a development server",
            Severity.WARNING, Category.RELIABILITY);
    private static final Pattern DEV = Pattern.compile("(?:^| )(ng serve|flask run|manage\\.py runserver|nodemon"
            + "|webpack serve|webpack-dev-server|(?:npm|yarn|pnpm|bun) (?:run )?(?:dev|serve|start:dev|watch)"
            + "|next dev|nuxt dev|vite(?: dev)?$|ts-node-dev|tsx watch|nest start --watch|php artisan serve"
            + "|(?:uvicorn|gunicorn|hypercorn)\\b.* --reload|rails s(?:erver)? .*-e development|ember serve"
            + "|react-scripts start|vue-cli-service serve)(?= |$)");
    private static final List<String> DEV_IMAGES = List.of("devcontainers/", "vscode/devcontainers", "gitpod/workspace");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        Stage last = d.finalStage();
        if (last == null || Docker.devEnvironment(ctx)) {
            return; // a .devcontainer/ Dockerfile is the development environment, never shipped
        }
        var root = last.rootImage();
        String image = root == null ? "" : root.raw().toLowerCase(Locale.ROOT);
        for (String dev : DEV_IMAGES) {
            if (image.contains(dev)) {
                Stage top = last.chain().get(last.chain().size() - 1);
                ctx.report(top.image() != null ? top.image().range() : top.from().range(), "The shipped image is "
                        + "built on the development container '" + root.raw() + "' (compilers, shells, a package "
                        + "manager, often a root sudo): use it for the dev environment and ship a runtime image");
                return;
            }
        }
        for (String kw : new String[] {"ENTRYPOINT", "CMD"}) {
            Instruction i = last.lastInherited(kw);
            if (i == null) {
                continue;
            }
            List<Word> words = i.isExecForm() ? i.execArgs() : i.words();
            List<String> texts = new ArrayList<>();
            for (Word w : words) {
                texts.add(w.text());
            }
            String line = String.join(" ", texts).replace("python -m flask", "flask").replaceAll(" +", " ");
            Matcher m = DEV.matcher(line);
            if (m.find()) {
                ctx.report(i.range(), kw + " starts a development server (" + m.group(1) + "): it reloads on file "
                        + "changes, serves unoptimised bundles, often exposes a debugger, and its authors say not to "
                        + "run it in production; build the app and start it with a production server (gunicorn, "
                        + "node dist/server.js, nginx for static files)");
                return;
            }
        }
    }
}
