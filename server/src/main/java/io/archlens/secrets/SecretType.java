package io.archlens.secrets;

/**
 * What a detected secret looked like: a stable id (shown in redaction lists and previews) and a phrase for
 * messages ("looks like an AWS access key id"). Never the value.
 */
public enum SecretType {
    PRIVATE_KEY("private-key", "a PEM private key"),
    AWS_ACCESS_KEY_ID("aws-access-key-id", "an AWS access key id"),
    AWS_SECRET_KEY("aws-secret-key", "an AWS secret access key"),
    GCP_API_KEY("gcp-api-key", "a Google API key"),
    GCP_OAUTH_SECRET("gcp-oauth-secret", "a Google OAuth client secret"),
    GCP_ACCESS_TOKEN("gcp-access-token", "a Google OAuth access token"),
    GCP_PRIVATE_KEY_ID("gcp-private-key-id", "a Google service-account key id"),
    AZURE_KEY("azure-key", "an Azure storage key or SAS signature"),
    AZURE_CLIENT_SECRET("azure-client-secret", "an Azure client secret"),
    GITHUB_TOKEN("github-token", "a GitHub token"),
    GITLAB_TOKEN("gitlab-token", "a GitLab token"),
    ANTHROPIC_KEY("anthropic-key", "an Anthropic API key"),
    OPENAI_KEY("openai-key", "an OpenAI API key"),
    SLACK_TOKEN("slack-token", "a Slack token"),
    SLACK_WEBHOOK("slack-webhook", "a Slack webhook URL"),
    DISCORD_WEBHOOK("discord-webhook", "a Discord webhook URL"),
    STRIPE_LIVE_KEY("stripe-key", "a Stripe live secret key"),
    STRIPE_TEST_KEY("stripe-test-key", "a Stripe test secret key"),
    SENDGRID_KEY("sendgrid-key", "a SendGrid API key"),
    NPM_TOKEN("npm-token", "an npm token"),
    PYPI_TOKEN("pypi-token", "a PyPI token"),
    DOCKER_HUB_TOKEN("docker-hub-token", "a Docker Hub access token"),
    VAULT_TOKEN("vault-token", "a HashiCorp Vault token"),
    DIGITALOCEAN_TOKEN("digitalocean-token", "a DigitalOcean token"),
    SHOPIFY_TOKEN("shopify-token", "a Shopify access token"),
    HUGGINGFACE_TOKEN("huggingface-token", "a Hugging Face token"),
    AGE_SECRET_KEY("age-secret-key", "an age secret key"),
    JWT("jwt", "a JSON Web Token"),
    URL_PASSWORD("url-password", "a password in a URL"),
    HTTP_AUTHORIZATION("http-authorization", "an HTTP Authorization credential"),
    COMMAND_LINE_PASSWORD("command-line-password", "a password on a command line"),
    SQL_PASSWORD("sql-password", "a database user's password in SQL"),
    KUBERNETES_SECRET("kubernetes-secret", "a value of a Kubernetes Secret"),
    SECRET_VALUE("secret-value", "the value of a secret-named key");

    private final String id;
    private final String description;

    SecretType(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable id, e.g. {@code aws-access-key-id}. */
    public String id() {
        return id;
    }

    /** An article and a noun phrase for messages, e.g. "an AWS access key id". */
    public String description() {
        return description;
    }
}
