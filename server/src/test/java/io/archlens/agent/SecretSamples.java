package io.archlens.agent;

import java.util.List;

/** Realistic-looking (fake) secrets planted in test files; none of them may ever leave the machine. */
final class SecretSamples {
    static final String AWS_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String GITHUB = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB";
    static final String OPENAI = "sk-proj-AbCdEf1234567890GhIjKlMnOpQrStUv";
    static final String ANTHROPIC = "sk-ant-api03-ZyXwVu9876543210TsRqPoNmLk";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String DB_PASSWORD = "s3cr3t-Pa55word!";
    static final String URL_PASSWORD = "hunter2xyz";
    static final String GCP_KEY = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY";
    static final String AZURE = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final String PRIVATE_KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    static final String TOKEN = "tok_9f8e7d6c5b4a3210";

    static final List<String> PLANTED = List.of(AWS_ID, AWS_SECRET, GITHUB, OPENAI, ANTHROPIC, JWT, DB_PASSWORD,
            URL_PASSWORD, GCP_KEY, AZURE, PRIVATE_KEY_BODY, TOKEN);

    static final String COMPOSE_WITH_SECRETS = """
            services:
              api:
                image: shop/api:1.4.2
                environment:
                  AWS_ACCESS_KEY_ID: %s
                  AWS_SECRET_ACCESS_KEY: %s
                  DATABASE_URL: postgres://shop:%s@db:5432/shop
                  DB_PASSWORD: ${DB_PASSWORD}
                  - GITHUB_TOKEN=%s
              db:
                environment:
                  POSTGRES_PASSWORD: %s
                  OPENAI_KEY: "%s"
                  CLAUDE: %s
                  SESSION: %s
                  MAPS: %s
                  AZURE_STORAGE: DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=%s;EndpointSuffix=core.windows.net
                  API_TOKEN: %s
                configs:
                  tls: |
                    -----BEGIN RSA PRIVATE KEY-----
                    %s
                    -----END RSA PRIVATE KEY-----
            """.formatted(AWS_ID, AWS_SECRET, URL_PASSWORD, GITHUB, DB_PASSWORD, OPENAI, ANTHROPIC, JWT, GCP_KEY, AZURE,
            TOKEN, PRIVATE_KEY_BODY);

    private SecretSamples() {
    }
}
