package dev.touchpoint.local.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every function has the same shape (docs/architecture.md): a Lambda entry point that holds
 * {@code JsonEvents} or reads its event itself, a thin handler of 40 lines at most, and a
 * {@code *Wiring} composition root beside it. The local runtime is the module that sees them all.
 */
class FunctionShapeTest {

    private static final Path FUNCTIONS = Path.of("..", "functions");
    private static final int MOST_LINES = 40;
    /** Modules under functions/ that are libraries, not functions: the contract, the domain, the wire formats, the adapters. */
    private static boolean isLibrary(String module) {
        return List.of("contract", "domain", "wire", "sdk-metadata", "http-providers").contains(module) || module.startsWith("aws-");
    }

    @Test
    void everyHandler_isFortyLinesAtMost() throws IOException {
        List<String> long_ = handlers().filter(file -> lines(file) > MOST_LINES)
                .map(file -> FUNCTIONS.relativize(file) + " has " + lines(file) + " lines").toList();
        assertEquals(List.of(), long_);
    }

    @Test
    void everyFunction_hasAWiringBesideItsHandler() throws IOException {
        List<Path> handlers = handlers().toList();
        assertEquals(11, handlers.stream().map(file -> FUNCTIONS.relativize(file).getName(0)).distinct().count(),
                "every function module has a handler");
        for (Path handler : handlers) {
            try (Stream<Path> siblings = Files.list(handler.getParent())) {
                assertTrue(siblings.anyMatch(file -> file.getFileName().toString().endsWith("Wiring.java")),
                        FUNCTIONS.relativize(handler) + " has no *Wiring beside it");
            }
        }
    }

    /** Each function's typed handler and its Lambda entry point. */
    private static Stream<Path> handlers() throws IOException {
        return Files.walk(FUNCTIONS)
                .filter(file -> file.toString().replace('\\', '/').contains("/src/main/java/"))
                .filter(file -> file.getFileName().toString().endsWith("Handler.java"))
                .filter(file -> !isLibrary(FUNCTIONS.relativize(file).getName(0).toString()))
                .sorted();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
