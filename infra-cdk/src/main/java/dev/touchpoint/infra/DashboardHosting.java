package dev.touchpoint.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

/**
 * Where the dashboard's static files are served from: a private, encrypted S3 bucket that only
 * CloudFront can read (origin access control), HTTPS only. The files themselves are uploaded with
 * the dashboard (reporting issue); until then the distribution serves nothing.
 */
public final class DashboardHosting extends Construct {

    private final Bucket bucket;
    private final Distribution distribution;

    public DashboardHosting(Construct scope, String id, RemovalPolicy removal) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .removalPolicy(removal)
                .autoDeleteObjects(false)
                .build();
        this.distribution = Distribution.Builder.create(this, "Cdn")
                .comment("Touchpoint dashboard")
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .build())
                .build();
    }

    public Bucket bucket() {
        return bucket;
    }

    public Distribution distribution() {
        return distribution;
    }
}
