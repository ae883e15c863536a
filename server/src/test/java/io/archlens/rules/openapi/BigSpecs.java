package io.archlens.rules.openapi;

/** Generates large, realistic OpenAPI documents for bad-input tests and the benchmark. */
public final class BigSpecs {
    private BigSpecs() {
    }

    /** A YAML spec of at least {@code minChars} characters: many resources, each with list/get/create operations. */
    public static String yaml(int minChars) {
        StringBuilder sb = new StringBuilder(minChars + 4096);
        sb.append("openapi: 3.0.3\ninfo:\n  title: Big\n  version: 1.0.0\nservers:\n  - url: https://api.example.com/v1\n")
                .append("security:\n  - bearer: []\npaths:\n");
        StringBuilder schemas = new StringBuilder();
        int i = 0;
        while (sb.length() + schemas.length() < minChars) {
            String r = "resource" + i;
            sb.append("  /").append(r).append(":\n")
                    .append("    get:\n      operationId: list").append(i).append("\n      summary: List ").append(r).append('\n')
                    .append("      parameters:\n        - name: limit\n          in: query\n          schema: {type: integer, maximum: 100}\n")
                    .append("      responses:\n        \"200\":\n          description: OK\n          content:\n")
                    .append("            application/json:\n              schema:\n                type: array\n")
                    .append("                items:\n                  $ref: \"#/components/schemas/R").append(i).append("\"\n")
                    .append("        \"400\":\n          $ref: \"#/components/responses/Problem\"\n")
                    .append("    post:\n      operationId: create").append(i).append("\n      summary: Create ").append(r).append('\n')
                    .append("      requestBody:\n        content:\n          application/json:\n            schema:\n")
                    .append("              $ref: \"#/components/schemas/R").append(i).append("\"\n")
                    .append("      responses:\n        \"201\":\n          description: Created\n")
                    .append("        \"400\":\n          $ref: \"#/components/responses/Problem\"\n")
                    .append("  /").append(r).append("/{id}:\n    get:\n      operationId: get").append(i)
                    .append("\n      summary: One\n      parameters:\n        - name: id\n          in: path\n")
                    .append("          required: true\n          schema: {type: string, format: uuid}\n")
                    .append("      responses:\n        \"200\":\n          description: OK\n")
                    .append("        \"404\":\n          $ref: \"#/components/responses/").append(i % 50 == 0 ? "Missing" : "Problem")
                    .append("\"\n");
            schemas.append("    R").append(i).append(":\n      type: object\n      additionalProperties: false\n")
                    .append("      properties:\n        id: {type: string, format: uuid}\n")
                    .append("        name: {type: string, maxLength: 100}\n        note: {type: string}\n");
            i++;
        }
        sb.append("components:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n")
                .append("  responses:\n    Problem:\n      description: Error\n      content:\n")
                .append("        application/problem+json:\n          schema:\n            type: object\n")
                .append("  schemas:\n").append(schemas);
        return sb.toString();
    }

    /** The same shape in JSON (one operation object per line). */
    public static String json(int minChars) {
        StringBuilder sb = new StringBuilder(minChars + 4096);
        sb.append("{\n\t\"openapi\": \"3.0.3\",\n\t\"info\": {\"title\": \"Big\", \"version\": \"1\"},\n")
                .append("\t\"servers\": [{\"url\": \"https://api.example.com/v1\"}],\n")
                .append("\t\"security\": [{\"bearer\": []}],\n\t\"paths\": {\n");
        int i = 0;
        while (sb.length() < minChars) {
            if (i > 0) {
                sb.append(",\n");
            }
            sb.append("\t\t\"/r").append(i).append("\": {\"get\": {\"operationId\": \"list").append(i)
                    .append("\", \"summary\": \"List\", \"responses\": {\"200\": {\"description\": \"OK\", \"content\": ")
                    .append("{\"application/json\": {\"schema\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}},")
                    .append(" \"400\": {\"$ref\": \"#/components/responses/Problem\"}}}}");
            i++;
        }
        sb.append("\n\t},\n\t\"components\": {\"securitySchemes\": {\"bearer\": {\"type\": \"http\", \"scheme\": \"bearer\"}},")
                .append(" \"responses\": {\"Problem\": {\"description\": \"Error\", \"content\": {\"application/problem+json\":")
                .append(" {\"schema\": {\"type\": \"object\"}}}}}}\n}\n");
        return sb.toString();
    }
}
