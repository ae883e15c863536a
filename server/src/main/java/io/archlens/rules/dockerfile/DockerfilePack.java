package io.archlens.rules.dockerfile;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import java.util.List;

/** The Dockerfile rules ({@code docker/*}). */
public final class DockerfilePack implements RulePack<Dockerfile> {
    private static final Parser<Dockerfile> PARSER = new DockerfileParser();
    private static final List<Rule<Dockerfile>> RULES = List.of(
            new NoLatestTag(),
            new UntaggedImage(),
            new EolBaseImage(),
            new HardcodedPlatform(),
            new ToolchainFinalImage(),
            new RootUser(),
            new AddInsteadOfCopy(),
            new AddRemoteUrl(),
            new CopyFromUnknownStage(),
            new CopyBeforeInstall(),
            new AptNoInstallRecommends(),
            new InstallWithoutYes(),
            new AptListsNotCleaned(),
            new AptUpdateSeparate(),
            new ApkNoCache(),
            new YumNoClean(),
            new PackageUpgrade(),
            new PipNoCacheDir(),
            new NpmInstall(),
            new CurlPipeShell(),
            new PipeWithoutPipefail(),
            new TlsVerificationDisabled(),
            new SecretInEnv(),
            new SecretBuildArg(),
            new Sudo(),
            new CdInRun(),
            new WorldWritable(),
            new ExposeSsh(),
            new MultipleCmd(),
            new ShellFormCmd(),
            new InvalidExecForm(),
            new RelativeWorkdir(),
            new MaintainerDeprecated(),
            new MissingHealthcheck(),
            new UnpinnedPackage(),
            new DuplicateStageName(),
            new InvalidOnbuild(),
            new ExposeInvalidPort(),
            new EnvSelfReference(),
            new CopyManyToFile(),
            new CopyWholeFilesystem(),
            new UseraddHighUid(),
            new ShellSymlink(),
            new YarnCacheNotCleaned(),
            new RelativeCopyDestination(),
            new CopyFromUnpinnedImage(),
            new RuntimeBuildPlatform(),
            new DevServerImage());

    @Override
    public FileKind kind() {
        return FileKind.DOCKERFILE;
    }

    @Override
    public Parser<Dockerfile> parser() {
        return PARSER;
    }

    @Override
    public List<Rule<Dockerfile>> rules() {
        return RULES;
    }
}
