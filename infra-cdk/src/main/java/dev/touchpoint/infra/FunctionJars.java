package dev.touchpoint.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the deployable jar of each function is: {@code functions/<name>/target/<name>.jar}, as Maven
 * builds them. A missing jar stops the synth with the command that builds it.
 */
public record FunctionJars(Path functionsDir) {

    public static FunctionJars fromRepository() {
        return new FunctionJars(Path.of("..", "functions").toAbsolutePath().normalize());
    }

    public String jarOf(String function) {
        Path jar = functionsDir.resolve(function).resolve("target").resolve(function + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw package -DskipTests at the repository root first");
        }
        return jar.toString();
    }
}
