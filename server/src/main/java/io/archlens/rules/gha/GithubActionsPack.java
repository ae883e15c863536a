package io.archlens.rules.gha;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.gha.WorkflowParser;
import java.util.List;

/** GitHub Actions workflows (.github/workflows/*.yml): supply chain, token scope, injection, deploy safety. */
public final class GithubActionsPack implements RulePack<Workflow> {
    private static final List<Rule<Workflow>> RULES = List.of(
            new UnpinnedAction(),
            new UnpinnedFirstPartyAction(),
            new MissingPermissions(),
            new ExcessivePermissions(),
            new UntrustedCheckout(),
            new ScriptInjection(),
            new SecretsInherit(),
            new CheckoutPersistCredentials(),
            new MissingTimeout(),
            new DeployWithoutEnvironment(),
            new DeployWithoutConcurrency(),
            new SelfHostedOnPullRequest(),
            new ContinueOnErrorTests(),
            new CacheKeyUntrusted(),
            new CurlPipeShell(),
            new DangerousTrigger(),
            new InsecureCommands(),
            new HardcodedRegistryCredentials(),
            new AllSecretsExposed(),
            new UnredactedSecret(),
            new UnpinnedContainerImage(),
            new SpoofableBotCondition(),
            new UntrustedEnvWrite(),
            new AlwaysTrueCondition(),
            new BypassableContains(),
            new LongLivedPublishToken(),
            new CacheInReleaseWorkflow(),
            new AdhocPackageInstall(),
            new ArchivedAction(),
            new TyposquatAction(),
            new AppTokenUnscoped(),
            new UnpinnedTool(),
            new UnsoundTernary(),
            new SetupPythonPipInstall(),
            new KnownVulnerableAction(),
            new ExpressionInScript(),
            new BroadPermissions(),
            new DependabotNoCooldown(),
            new DependabotCodeExecution());

    @Override
    public FileKind kind() {
        return FileKind.GITHUB_ACTIONS;
    }

    @Override
    public Parser<Workflow> parser() {
        return WorkflowParser::parse;
    }

    @Override
    public List<Rule<Workflow>> rules() {
        return RULES;
    }
}
