package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What the public HTTP API is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param logRemoval what happens to the access logs when the stack goes
 * @param customDomain the API's own domain; empty: the execute-api address
 * @param certificateArn the ACM certificate of the custom domain
 */
public record PublicApiProps(
        RemovalPolicy logRemoval,
        Optional<String> customDomain,
        Optional<String> certificateArn) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link PublicApiProps}. */
    public static final class Builder {
        private RemovalPolicy logRemoval;
        private Optional<String> customDomain = Optional.empty();
        private Optional<String> certificateArn = Optional.empty();

        private Builder() {
        }

        public Builder logRemoval(RemovalPolicy logRemoval) {
            this.logRemoval = logRemoval;
            return this;
        }

        public Builder customDomain(Optional<String> customDomain) {
            this.customDomain = customDomain;
            return this;
        }

        public Builder certificateArn(Optional<String> certificateArn) {
            this.certificateArn = certificateArn;
            return this;
        }

        public PublicApiProps build() {
            return new PublicApiProps(Objects.requireNonNull(logRemoval, "logRemoval"),
                    Objects.requireNonNull(customDomain, "customDomain"),
                    Objects.requireNonNull(certificateArn, "certificateArn"));
        }
    }
}
