package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;

/** A Lambda function URL anyone on the internet can invoke. */
public final class LambdaUrlNoAuth extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/lambda-url-no-auth",
            "Lambda function URL accepts unauthenticated calls", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_lambda_function_url");
    }

    @Override
    void judge(Subject s) {
        Subject.Attr a = s.attr("authorization_type");
        if (a != null && "NONE".equals(a.str())) {
            s.bad(a, "The function URL " + s.name() + " has authorization_type = \"NONE\": anyone who finds the URL"
                    + " invokes the function (and runs up its bill); use AWS_IAM, or put API Gateway or CloudFront"
                    + " with authentication in front, unless the function checks callers itself", null);
        }
    }
}
