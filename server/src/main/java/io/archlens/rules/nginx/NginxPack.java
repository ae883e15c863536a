package io.archlens.rules.nginx;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxParser;
import java.util.List;
import java.util.stream.Stream;

/**
 * nginx configuration: TLS, header, proxy and hardening rules, each judging a file in the configuration that
 * includes it and with its includes read ({@link InContext}).
 */
public final class NginxPack implements RulePack<NginxConfig> {
    private static final List<Rule<NginxConfig>> RULES = Stream.of(
            new ServerTokensOnRule(),
            new ServerTokensMissingRule(),
            new WeakSslProtocolsRule(),
            new WeakSslCiphersRule(),
            new MissingHstsRule(),
            new AddHeaderDropsInheritedRule(),
            new AliasPathTraversalRule(),
            new ProxyDefaultTimeoutsRule(),
            new ProxyMissingHostRule(),
            new ProxyMissingForwardedForRule(),
            new UpstreamNoKeepaliveRule(),
            new KeepaliveNotEffectiveRule(),
            new HttpHostVariableRule(),
            new ProxyPassSsrfRule(),
            new AutoindexOnRule(),
            new UnlimitedBodySizeRule(),
            new UploadBodySizeDefaultRule(),
            new IfInLocationRule(),
            new ErrorLogOffRule(),
            new LowWorkerConnectionsRule(),
            new KeepaliveTimeoutExtremeRule(),
            new HttpNotRedirectedRule(),
            new HttpSplittingRule(),
            new OriginRegexRule(),
            new AllowWithoutDenyRule(),
            new ResolverPublicDnsRule(),
            new ValidReferersNoneRule(),
            new HeaderMultilineRule(),
            new ProxyPassWithoutUpstreamRule(),
            new PlainHttpOnlyRule(),
            new MissingSecurityHeadersRule())
            .<Rule<NginxConfig>>map(InContext::new).toList();

    @Override
    public FileKind kind() {
        return FileKind.NGINX;
    }

    @Override
    public Parser<NginxConfig> parser() {
        return NginxParser::parse;
    }

    @Override
    public List<Rule<NginxConfig>> rules() {
        return RULES;
    }
}
