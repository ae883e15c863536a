package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * Routes mounted under a path prefix somewhere else than where they are declared: FastAPI's
 * {@code include_router(r, prefix=...)}, Flask's {@code register_blueprint(bp, url_prefix=...)}, a Django
 * {@code path("api/", include(...))}, Express's {@code app.use("/api", router)}, Nest's {@code setGlobalPrefix},
 * a Go group or sub-router handed to other code. {@code prefix} is null when it is computed (a setting, a variable):
 * the service's routes then sit under a prefix that is not known here, so their paths as declared are only the tail
 * of the paths clients call.
 */
public record Mount(String prefix, TextRange range) {
}
