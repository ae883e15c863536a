package io.archlens.rules.nginx;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxParser;
import java.util.List;

/** nginx configuration: TLS, header, proxy and hardening rules over one file at a time. */
public final class NginxPack implements RulePack<NginxConfig> {
    private static final List<Rule<NginxConfig>> RULES = List.of(
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
            new HttpNotRedirectedRule());

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
