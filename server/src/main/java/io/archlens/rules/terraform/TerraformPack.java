package io.archlens.rules.terraform;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclFile;
import io.archlens.syntax.hcl.HclParser;
import io.archlens.syntax.hcl.ModuleFiles;
import java.util.List;

/** Terraform (*.tf): the HCL parser and the infrastructure rules (AWS first, GCP/Azure equivalents). */
public final class TerraformPack implements RulePack<HclFile> {
    private static final List<Rule<HclFile>> RULES = List.of(
            new SecurityGroupOpenToWorld(),
            new S3BucketPublic(),
            new S3BucketNoPublicAccessBlock(),
            new S3BucketNoEncryption(),
            new S3BucketNoVersioning(),
            new RdsPubliclyAccessible(),
            new RdsStorageNotEncrypted(),
            new RdsNoBackupRetention(),
            new RdsNoDeletionProtection(),
            new RdsSingleAz(),
            new IamWildcardPolicy(),
            new IamPrivilegeEscalation(),
            new HardcodedCredentials(),
            new ProviderVersionUnpinned(),
            new ModuleSourceUnpinned(),
            new BackendWithoutLocking(),
            new NoRemoteBackend(),
            new LbHttpWithoutRedirect(),
            new LogGroupWithoutRetention(),
            new ClusterEndpointPublic(),
            new KmsKeyRotationDisabled(),
            new MissingRequiredTags(),
            new CloudSqlPublicIp(),
            new StorageAccountPublicAccess(),
            new StorageAccountWeakTls(),
            new RdsSkipFinalSnapshot(),
            new RdsNoIamAuth(),
            new Ec2Imdsv1(),
            new LambdaUrlNoAuth(),
            new ElastiCacheUnencrypted(),
            new VpcNoFlowLogs(),
            new DatastoreNotEncrypted(),
            new PublicNetworkAccess(),
            new RdsNoMonitoring(),
            new DynamoDbNoPitr(),
            new GcsBucketPublic(),
            new PublicAccessGranted(),
            new InstancePublicIp(),
            new DatastoreTlsNotEnforced(),
            new LoggingDisabled(),
            new DataNotRecoverable(),
            new KubernetesClusterHardening(),
            new GcsBucketNoPublicAccessPrevention(),
            new VmPasswordAuth());

    @Override
    public FileKind kind() {
        return FileKind.TERRAFORM;
    }

    @Override
    public Parser<HclFile> parser() {
        // the module's other files come along, for rules that must see the whole configuration
        return file -> {
            var parsed = HclParser.parse(file);
            List<HclFile> siblings = ModuleFiles.siblings(file);
            return siblings.isEmpty() ? parsed
                    : new io.archlens.analysis.Parsed<>(parsed.model().withSiblings(siblings), parsed.issues());
        };
    }

    @Override
    public List<Rule<HclFile>> rules() {
        return RULES;
    }
}
