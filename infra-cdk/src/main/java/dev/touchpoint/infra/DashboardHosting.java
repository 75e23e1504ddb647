package dev.touchpoint.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
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

    public DashboardHosting(Construct scope, String id, DashboardHostingProps props) {
        super(scope, id);
        RemovalPolicy removal = props.removal();
        String apiDomain = props.apiDomain();
        String dashboardDir = props.dashboardDir();
        Optional<String> webAclArn = props.webAclArn();
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
                        .responseHeadersPolicy(securityHeaders(contentSecurityPolicy(dashboardDir)))
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
        // Both uploads run in the CDK's one upload function, whose log group is kept as long as ours.
        LogGroup uploadLogs = LogGroup.Builder.create(this, "UploadLogs").retention(RetentionDays.ONE_MONTH).removalPolicy(removal).build();
        BucketDeployment.Builder.create(this, "UploadAssets")
                .sources(List.of(Source.asset(dashboardDir, AssetOptions.builder().exclude(List.of(POLICY_FILE)).build())))
                .destinationBucket(bucket)
                .destinationKeyPrefix("dashboard/")
                .logGroup(uploadLogs)
                .distribution(distribution)
                .build();
        BucketDeployment.Builder.create(this, "UploadPage")
                .sources(List.of(Source.asset(dashboardDir,
                        AssetOptions.builder()
                                .exclude(List.of("*.js", "*.css", POLICY_FILE)).build())))
                .destinationBucket(bucket)
                .prune(false)
                .logGroup(uploadLogs)
                .build();
    }

    /**
     * The dashboard's headers as the local runtime sends them: the content security policy of
     * {@value #POLICY_FILE} (one file for both), no MIME sniffing, no framing, no referrer, HTTPS for a year.
     */
    private ResponseHeadersPolicy securityHeaders(String contentSecurityPolicy) {
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Touchpoint dashboard: the local runtime's content security policy")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder().referrerPolicy(HeadersReferrerPolicy.NO_REFERRER)
                                .override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(false).override(true).build())
                        .build())
                .build();
    }

    static final String POLICY_FILE = "content-security-policy.txt";

    static String contentSecurityPolicy(String dashboardDir) {
        try {
            return Files.readString(Path.of(dashboardDir, POLICY_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard's " + POLICY_FILE + " is missing from " + dashboardDir, e);
        }
    }

    public Bucket bucket() {
        return bucket;
    }

    public Distribution distribution() {
        return distribution;
    }
}
