package dev.touchpoint.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold starts, side by side: for each function a fresh JVM on its deployable jar (with Lambda's
 * serialisation library, as the runtime has it), the same JVM flags as in AWS, its real clients
 * pointed at the embedded services; from process start to the first event handled. Median of N.
 */
final class ColdStarts {

    /** One function: its name (the jar), handler, event class and event file. */
    record Subject(String name, Path classpath, String handler, String eventClass, Path event) {
    }

    /** JVM flags to try on every child ({@code -Dbench.cold.flags="-Xa -Xb"}), to measure a flag before the CDK app sets it. */
    private static final List<String> EXTRA_FLAGS = List.of(System.getProperty("bench.cold.flags", "").trim().split("\\s+"))
            .stream().filter(flag -> !flag.isEmpty()).toList();

    private final String java;
    private final Map<String, String> environment;
    private final int runs;

    ColdStarts(Map<String, String> environment, int runs) {
        this.java = ProcessHandle.current().info().command().orElse("java");
        this.environment = environment;
        this.runs = runs;
    }

    /** @return the median milliseconds from process start to the first event handled */
    double median(Subject subject) throws IOException, InterruptedException {
        return median(subject, List.of());
    }

    /**
     * The same with an AppCDS archive of the classes the first event loads: one training run writes it
     * ({@code -XX:+AutoCreateSharedArchive}), the measured runs map it.
     */
    double medianWithClassDataSharing(Subject subject, Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        List<String> flags = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        once(subject, flags);
        return median(subject, flags);
    }

    private double median(Subject subject, List<String> flags) throws IOException, InterruptedException {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = once(subject, flags)[0];
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /**
     * The median time from the handler constructed to its first event handled, with or without the
     * function's SnapStart primes run in between (what a restored snapshot still does on its first event).
     */
    double medianFirstEvent(Subject subject, boolean primed) throws IOException, InterruptedException {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = once(subject, primed ? List.of("-Dprobe.prime=true") : List.of())[1];
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /** @return milliseconds from process start to the first event handled, and from the handler constructed to it */
    private double[] once(Subject subject, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        command.addAll(EXTRA_FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-cp", subject.classpath().toString().replace(",", File.pathSeparator),
                "dev.touchpoint.bench.ColdStartProbe", subject.handler(), subject.eventClass(), subject.event().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        double firstEvent = Double.NaN;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("FIRST_EVENT_MS ")) {
                    firstEvent = Double.parseDouble(line.substring("FIRST_EVENT_MS ".length()));
                }
                if (line.startsWith("HANDLED")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return new double[] {millis, firstEvent};
                }
                output.add(line);
            }
        }
        process.waitFor();
        throw new IllegalStateException(subject.name() + " did not handle its event:\n" + String.join("\n", output));
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
