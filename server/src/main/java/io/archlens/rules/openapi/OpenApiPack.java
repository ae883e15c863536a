package io.archlens.rules.openapi;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.OpenApiParser;
import java.util.List;

/** OpenAPI 3.x and Swagger 2.0 contracts (YAML or JSON): security, error model, pagination, evolvability. */
public final class OpenApiPack implements RulePack<OpenApiDoc> {
    private static final List<Rule<OpenApiDoc>> RULES = List.of(
            new NoSecuritySchemes(),
            new OperationWithoutSecurity(),
            new HttpServer(),
            new ApiKeyInQuery(),
            new MissingErrorResponses(),
            new NoSharedErrorSchema(),
            new MissingRateLimitResponse(),
            new UnboundedArrayResponse(),
            new UnboundedStringInput(),
            new OpenAdditionalProperties(),
            new MissingOperationId(),
            new DuplicateOperationId(),
            new NoVersioning(),
            new MissingIdempotencyKey(),
            new UnusedComponent(),
            new UnresolvedRef(),
            new VerbInPath(),
            new PathCasing(),
            new MissingOperationDescription(),
            new UndefinedSecurityScheme(),
            new PathParameterMismatch(),
            new DuplicateParameter(),
            new NoSuccessResponse(),
            new RefSiblings(),
            new InvalidEnum(),
            new ArrayWithoutItems(),
            new InvalidTags(),
            new InsecureAuthScheme(),
            new MissingServers(),
            new InvalidServerVariables(),
            new InvalidExampleObject(),
            new InvalidOperationId(),
            new ScriptInDescription(),
            new Swagger2Violation(),
            new ExampleMismatch(),
            new CredentialInUrl(),
            new RetryAfterMissing(),
            new UnboundedStringSchema(),
            new UnboundedArraySchema(),
            new UnboundedInteger(),
            new OpenObjectSchema(),
            new ErrorResponseWithoutBody(),
            new NumericIdParameter(),
            new UrlParameter(),
            new AdminSharedSecurity(),
            new ServerEnvironmentUndeclared(),
            new JwtValidationUndocumented(),
            new MissingAuthErrorResponse());

    @Override
    public FileKind kind() {
        return FileKind.OPENAPI;
    }

    @Override
    public Parser<OpenApiDoc> parser() {
        return OpenApiParser::parse;
    }

    @Override
    public List<Rule<OpenApiDoc>> rules() {
        return RULES;
    }
}
