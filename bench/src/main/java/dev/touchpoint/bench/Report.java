package dev.touchpoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The table on the console and {@code results.json}: one key per figure, named so it needs no legend. */
final class Report {

    private Report() {
    }

    static void print(Map<String, Object> results) {
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        results.forEach((key, value) -> System.out.println("| " + key + " | " + value + " |"));
    }

    static void write(Path file, Map<String, Object> results) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, results.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}\n")));
        System.out.println("written to " + file);
    }
}
