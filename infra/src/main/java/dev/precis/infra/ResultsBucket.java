package dev.precis.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * Where results go (SPEC §13): briefs under {@code briefs/}, backfill manifests under {@code backfills/} and
 * what a backfill writes under {@code backfills/results/}. Private, encrypted, TLS only; results expire after
 * {@code resultsExpireDays} when set.
 */
final class ResultsBucket extends Construct {

    static final String BRIEFS_PREFIX = "briefs";
    static final String BACKFILL_PREFIX = "backfills/";
    static final String BACKFILL_RESULTS_PREFIX = "backfills/results";
    private static final int ABORT_UPLOADS_AFTER_DAYS = 7;

    private final Bucket bucket;

    ResultsBucket(Construct scope, String id, int expireDays) {
        super(scope, id);
        List<LifecycleRule> rules = new ArrayList<>();
        rules.add(LifecycleRule.builder().id("abort-incomplete-uploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(ABORT_UPLOADS_AFTER_DAYS)).build());
        if (expireDays > 0) {
            rules.add(LifecycleRule.builder().id("expire-briefs").prefix(BRIEFS_PREFIX + "/").expiration(Duration.days(expireDays)).build());
            rules.add(LifecycleRule.builder().id("expire-backfills").prefix(BACKFILL_PREFIX).expiration(Duration.days(expireDays)).build());
        }
        bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(rules)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Only the function and the backfill state machine write here, under roles this stack defines; who "
                        + "read or wrote what is in CloudTrail (enable S3 data events for an object-level trail). A log bucket "
                        + "would itself need one.")
                .build()));
    }

    Bucket bucket() {
        return bucket;
    }
}
