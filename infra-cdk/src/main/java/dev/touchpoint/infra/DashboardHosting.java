package dev.touchpoint.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * Where the dashboard's static files are served from: a private, encrypted S3 bucket that only
 * CloudFront can read (origin access control), HTTPS only, with the dashboard's files uploaded and
 * {@code /v1/*} passed through to the API so the dashboard and the API share one origin.
 */
public final class DashboardHosting extends Construct {

    private final Bucket bucket;
    private final Distribution distribution;

    /**
     * @param apiDomain the HTTP API's domain: {@code /v1/*} is passed through to it, uncached, so the
     *                  dashboard calls the API on its own origin (no CORS, the API key never leaves it)
     */
    public DashboardHosting(Construct scope, String id, RemovalPolicy removal, String apiDomain, String dashboardDir,
                            Optional<String> webAclArn) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .removalPolicy(removal)
                // A stage that is torn down (dev) empties its bucket, every version of every file included:
                // a versioned bucket with objects would otherwise stop the stack's deletion.
                .autoDeleteObjects(removal == RemovalPolicy.DESTROY)
                .build();
        this.distribution = Distribution.Builder.create(this, "Cdn")
                .comment("Touchpoint dashboard")
                .webAclId(webAclArn.orElse(null))
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .build())
                .additionalBehaviors(Map.of("/v1/*", BehaviorOptions.builder()
                        .origin(HttpOrigin.Builder.create(apiDomain).build())
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .build()))
                .build();
        // The dashboard's files: index.html at the root, its script and style under dashboard/ as the page links them.
        BucketDeployment.Builder.create(this, "UploadAssets")
                .sources(List.of(Source.asset(dashboardDir)))
                .destinationBucket(bucket)
                .destinationKeyPrefix("dashboard/")
                .distribution(distribution)
                .build();
        BucketDeployment.Builder.create(this, "UploadPage")
                .sources(List.of(Source.asset(dashboardDir,
                        AssetOptions.builder()
                                .exclude(List.of("*.js", "*.css")).build())))
                .destinationBucket(bucket)
                .prune(false)
                .build();
    }

    public Bucket bucket() {
        return bucket;
    }

    public Distribution distribution() {
        return distribution;
    }
}
