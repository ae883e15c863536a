package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.analysis.Suppression;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.AppSpec;
import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.CustomResource;
import io.archlens.model.Facts.EnvFile;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.Facts.IngressBackend;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.NetPolicy;
import io.archlens.model.Facts.Pdb;
import io.archlens.model.Facts.ProxySpec;
import io.archlens.model.Facts.SecretUse;
import io.archlens.model.Facts.VarUse;
import io.archlens.model.Facts.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one file contributes to the system model, extracted from one snapshot by a {@link FactExtractor}.
 * Immutable. It keeps the snapshot (for positions and suppressions of cross-file findings) and the file's
 * suppressions, but no parsed tree.
 */
public final class FileFacts {
    private final SourceFile file;
    private final List<Suppression> suppressions;
    final List<Workload> workloads;
    final List<KService> services;
    final List<IngressBackend> ingressBackends;
    final List<Hpa> hpas;
    final List<Pdb> pdbs;
    final List<NetPolicy> netPolicies;
    final List<ConfigObject> configObjects;
    final List<CustomResource> customResources;
    final ImageSpec image;
    final ProxySpec proxy;
    final AppSpec app;
    final EnvFile env;
    final List<VarUse> varUses;
    final List<SecretUse> secrets;
    final List<FileRef> refs;
    final SourceFacts.Code code;
    final SourceFacts.Schema schema;
    final SourceFacts.ApiSpec api;

    private FileFacts(Builder b, List<Suppression> suppressions) {
        this.file = b.file;
        this.suppressions = List.copyOf(suppressions);
        this.workloads = List.copyOf(b.workloads);
        this.services = List.copyOf(b.services);
        this.ingressBackends = List.copyOf(b.ingressBackends);
        this.hpas = List.copyOf(b.hpas);
        this.pdbs = List.copyOf(b.pdbs);
        this.netPolicies = List.copyOf(b.netPolicies);
        this.configObjects = List.copyOf(b.configObjects);
        this.customResources = List.copyOf(b.customResources);
        this.image = b.image;
        this.proxy = b.proxy;
        this.app = b.app;
        this.env = b.env;
        this.varUses = List.copyOf(b.varUses);
        this.secrets = List.copyOf(b.secrets);
        this.refs = List.copyOf(b.refs);
        this.code = b.code;
        this.schema = b.schema;
        this.api = b.api;
    }

    /** A production source file's code facts, or null. */
    public SourceFacts.Code code() {
        return code;
    }

    /** A SQL file's schema changes, or null. */
    public SourceFacts.Schema schema() {
        return schema;
    }

    /** An OpenAPI document's operations, or null. */
    public SourceFacts.ApiSpec api() {
        return api;
    }

    /** The location of a range of this file. */
    public Loc loc(io.archlens.core.TextRange r) {
        return Loc.of(file, r);
    }

    public SourceFile file() {
        return file;
    }

    public String uri() {
        return file.uri();
    }

    public String path() {
        return file.path();
    }

    public FileKind kind() {
        return file.kind();
    }

    /** The folder of the file (display path, forward slashes; "" at the root). */
    public String dir() {
        return Paths.parent(file.path());
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    public List<Workload> workloads() {
        return workloads;
    }

    public List<KService> services() {
        return services;
    }

    public List<IngressBackend> ingressBackends() {
        return ingressBackends;
    }

    public List<Hpa> hpas() {
        return hpas;
    }

    public List<Pdb> pdbs() {
        return pdbs;
    }

    public List<NetPolicy> netPolicies() {
        return netPolicies;
    }

    public List<ConfigObject> configObjects() {
        return configObjects;
    }

    /** Objects of custom resource kinds (an operator creates their pods). */
    public List<CustomResource> customResources() {
        return customResources;
    }

    public ImageSpec image() {
        return image;
    }

    public ProxySpec proxy() {
        return proxy;
    }

    public AppSpec app() {
        return app;
    }

    public EnvFile env() {
        return env;
    }

    public List<VarUse> varUses() {
        return varUses;
    }

    public List<SecretUse> secrets() {
        return secrets;
    }

    public List<FileRef> refs() {
        return refs;
    }

    /** True when the file contributes nothing (it is still kept so its suppressions apply). */
    public boolean empty() {
        return workloads.isEmpty() && services.isEmpty() && ingressBackends.isEmpty() && hpas.isEmpty()
                && pdbs.isEmpty() && netPolicies.isEmpty() && configObjects.isEmpty() && customResources.isEmpty() && image == null && proxy == null && app == null
                && env == null && varUses.isEmpty() && secrets.isEmpty() && refs.isEmpty() && code == null && schema == null
                && api == null;
    }

    /** Collects facts while an extractor runs. */
    public static final class Builder {
        final SourceFile file;
        final List<Workload> workloads = new ArrayList<>();
        final List<KService> services = new ArrayList<>();
        final List<IngressBackend> ingressBackends = new ArrayList<>();
        final List<Hpa> hpas = new ArrayList<>();
        final List<Pdb> pdbs = new ArrayList<>();
        final List<NetPolicy> netPolicies = new ArrayList<>();
        final List<ConfigObject> configObjects = new ArrayList<>();
        final List<CustomResource> customResources = new ArrayList<>();
        ImageSpec image;
        ProxySpec proxy;
        AppSpec app;
        EnvFile env;
        final List<VarUse> varUses = new ArrayList<>();
        final List<SecretUse> secrets = new ArrayList<>();
        final List<FileRef> refs = new ArrayList<>();
        SourceFacts.Code code;
        SourceFacts.Schema schema;
        SourceFacts.ApiSpec api;

        public Builder(SourceFile file) {
            this.file = file;
        }

        public SourceFile file() {
            return file;
        }

        public Loc loc(io.archlens.core.TextRange r) {
            return Loc.of(file, r);
        }

        public Builder workload(Workload w) {
            workloads.add(w);
            return this;
        }

        public Builder service(KService s) {
            services.add(s);
            return this;
        }

        public Builder ingress(IngressBackend b) {
            ingressBackends.add(b);
            return this;
        }

        public Builder hpa(Hpa h) {
            hpas.add(h);
            return this;
        }

        public Builder netPolicy(NetPolicy p) {
            netPolicies.add(p);
            return this;
        }

        public Builder pdb(Pdb p) {
            pdbs.add(p);
            return this;
        }

        public Builder configObject(ConfigObject c) {
            configObjects.add(c);
            return this;
        }

        public Builder customResource(CustomResource c) {
            customResources.add(c);
            return this;
        }

        public Builder image(ImageSpec i) {
            image = i;
            return this;
        }

        public Builder proxy(ProxySpec p) {
            proxy = p;
            return this;
        }

        public Builder app(AppSpec a) {
            app = a;
            return this;
        }

        public Builder env(EnvFile e) {
            env = e;
            return this;
        }

        public Builder varUse(VarUse v) {
            varUses.add(v);
            return this;
        }

        public Builder secret(SecretUse s) {
            secrets.add(s);
            return this;
        }

        public Builder ref(FileRef r) {
            refs.add(r);
            return this;
        }

        public Builder code(SourceFacts.Code c) {
            code = c;
            return this;
        }

        public Builder schema(SourceFacts.Schema s) {
            schema = s;
            return this;
        }

        public Builder api(SourceFacts.ApiSpec a) {
            api = a;
            return this;
        }

        public FileFacts build(List<Suppression> suppressions) {
            return new FileFacts(this, suppressions);
        }
    }
}
