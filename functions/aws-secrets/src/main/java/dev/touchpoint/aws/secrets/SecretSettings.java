package dev.touchpoint.aws.secrets;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A secret setting by its contract name, e.g. {@code TOUCHPOINT_API_KEY}: the value itself when the
 * variable is set (the local runtime, tests), otherwise the Secrets Manager secret whose ARN is in
 * {@code <NAME>_SECRET_ARN} (how the CDK app passes it). In AWS the value is read once, when the
 * function's composition root is built, and lives only in memory.
 */
public final class SecretSettings {

    private SecretSettings() {
    }

    public static Optional<String> read(Environment env, Setting setting) {
        Optional<String> plain = env.optional(setting);
        if (plain.isPresent()) {
            return plain;
        }
        return env.optional(setting.secretArnVariable()).map(arn -> {
            try (SecretsManagerClient client = client(env)) {
                return client.getSecretValue(r -> r.secretId(arn)).secretString();
            }
        });
    }

    /** The same, for a setting the function cannot work without. */
    public static String required(Environment env, Setting setting) {
        return read(env, setting).orElseThrow(() -> new IllegalStateException(setting + " is not configured"));
    }

    private static SecretsManagerClient client(Environment env) {
        return AwsClients.configure(SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env,
                "SECRETS_MANAGER").build();
    }
}
