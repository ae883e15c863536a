package io.archlens.rules.terraform;

import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;
import java.util.List;

/**
 * AWS provider v4+ splits bucket settings into separate resources ({@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_server_side_encryption_configuration}, ...) that point at the bucket by reference or by
 * name. These helpers find them anywhere in the module (this file and its saved siblings).
 */
final class S3 {
    private S3() {
    }

    static List<HclBlock> buckets(HclFile f) {
        return f.resources("aws_s3_bucket");
    }

    /** The {@code linkType} resources whose {@code bucket} argument points at {@code bucket}. */
    static List<HclBlock> links(HclFile f, HclBlock bucket, String linkType) {
        return Tf.linked(f, linkType, "bucket", bucket, "bucket");
    }
}
