package dev.touchpoint.infra;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What differs between Touchpoint functions. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param name the function module's name, e.g. {@code ingest-api}: its jar and its role's description
 * @param handler the entry point, {@code class::method}
 * @param memoryMb 1024 unless set: the CPU share that keeps a Java start short
 * @param timeout how long one invocation may take
 * @param description what the function does, shown in the console
 * @param jars where the function jars are
 * @param environment its settings, {@code TOUCHPOINT_*}
 * @param logRemoval what happens to its log group when the stack goes
 * @param asyncFailures where asynchronous invocations (SNS) go after Lambda's retries; empty for synchronous triggers
 */
public record TouchpointFunctionProps(String name, String handler, int memoryMb, Duration timeout, String description,
                                      FunctionJars jars, Map<String, String> environment, RemovalPolicy logRemoval,
                                      Optional<IQueue> asyncFailures) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link TouchpointFunctionProps}. */
    public static final class Builder {
        private String name;
        private String handler;
        private int memoryMb = 1024;
        private Duration timeout;
        private String description;
        private FunctionJars jars;
        private Map<String, String> environment;
        private RemovalPolicy logRemoval;
        private IQueue asyncFailures;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder jars(FunctionJars jars) {
            this.jars = jars;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder logRemoval(RemovalPolicy logRemoval) {
            this.logRemoval = logRemoval;
            return this;
        }

        public Builder asyncFailures(IQueue asyncFailures) {
            this.asyncFailures = asyncFailures;
            return this;
        }

        public TouchpointFunctionProps build() {
            return new TouchpointFunctionProps(Objects.requireNonNull(name, "name"), Objects.requireNonNull(handler, "handler"),
                    memoryMb, Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(description, "description"),
                    Objects.requireNonNull(jars, "jars"), Map.copyOf(Objects.requireNonNull(environment, "environment")),
                    Objects.requireNonNull(logRemoval, "logRemoval"), Optional.ofNullable(asyncFailures));
        }
    }
}
