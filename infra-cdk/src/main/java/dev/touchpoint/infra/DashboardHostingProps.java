package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What the dashboard's hosting is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param removal what happens to the bucket and logs when the stack goes
 * @param apiDomain the HTTP API's domain: {@code /v1/*} is passed through to it, uncached, so the
 *                  dashboard calls the API on its own origin (no CORS, the API key never leaves it)
 * @param dashboardDir the dashboard's files, content-security-policy.txt among them
 * @param webAclArn the CloudFront web ACL of the edge stack; empty: none
 */
public record DashboardHostingProps(
        RemovalPolicy removal,
        String apiDomain,
        String dashboardDir,
        Optional<String> webAclArn) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link DashboardHostingProps}. */
    public static final class Builder {
        private RemovalPolicy removal;
        private String apiDomain;
        private String dashboardDir;
        private Optional<String> webAclArn = Optional.empty();

        private Builder() {
        }

        public Builder removal(RemovalPolicy removal) {
            this.removal = removal;
            return this;
        }

        public Builder apiDomain(String apiDomain) {
            this.apiDomain = apiDomain;
            return this;
        }

        public Builder dashboardDir(String dashboardDir) {
            this.dashboardDir = dashboardDir;
            return this;
        }

        public Builder webAclArn(Optional<String> webAclArn) {
            this.webAclArn = webAclArn;
            return this;
        }

        public DashboardHostingProps build() {
            return new DashboardHostingProps(Objects.requireNonNull(removal, "removal"),
                    Objects.requireNonNull(apiDomain, "apiDomain"),
                    Objects.requireNonNull(dashboardDir, "dashboardDir"),
                    Objects.requireNonNull(webAclArn, "webAclArn"));
        }
    }
}
