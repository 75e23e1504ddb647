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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold starts, side by side: for each function a fresh JVM on its deployable jar, unpacked as Lambda
 * unpacks it (with Lambda's serialisation library, as the runtime has it), the same JVM flags as in AWS, its real clients
 * pointed at the embedded services; from process start to the first event handled. Median of N.
 */
final class ColdStarts {

    /**
     * One function: its name, handler, event class and event file, and two classpaths. {@code extracted}
     * is how Lambda lays a function out: it unpacks the uploaded jar into {@code /var/task} and loads the
     * classes from that directory, so the cold starts are measured on the jar's contents unpacked.
     * {@code jars} has the jar itself, for the class-data-sharing runs: an archive cannot be made with a
     * directory on the classpath (in Lambda it would need the jar under {@code lib/}). {@code runtimeFirst}
     * is the unpacked jar behind what Lambda's runtime brings, as Lambda's own JVM has it (its runtime's
     * jars on the class path, the function's classes from {@code /var/task} after them), for the runs that
     * map an archive of the runtime's own classes.
     */
    record Subject(String name, String extracted, String jars, String runtimeFirst, String handler, String eventClass, Path event) {
    }

    /** JVM flags to try on every child ({@code -Dbench.cold.flags="-Xa -Xb"}), to measure a flag before the CDK app sets it. */
    private static final List<String> EXTRA_FLAGS = List.of(System.getProperty("bench.cold.flags", "").trim().split("\\s+"))
            .stream().filter(flag -> !flag.isEmpty()).toList();

    private static final boolean WARM_UPS = Boolean.parseBoolean(System.getProperty("bench.cold.warmUps", "true"));

    private final String java;
    private final Map<String, String> environment;
    private final int runs;

    ColdStarts(Map<String, String> environment, int runs) {
        this.java = ProcessHandle.current().info().command().orElse("java");
        this.environment = environment;
        this.runs = runs;
    }

    /**
     * The median milliseconds from process start to the first event handled, per subject, measured in
     * rounds (every subject once, then again): a slow spell of the machine then touches every subject
     * alike, hello world included, instead of whichever was being measured during it.
     */
    Map<String, Double> medians(List<Subject> subjects) throws IOException, InterruptedException {
        return medians(subjects, Subject::extracted, List.of());
    }

    /**
     * The same, each JVM mapping an archive of the runtime's own classes ({@link #runtimeArchive}), as
     * Lambda's JVM maps its runtime's: {@code -Xshare:on}, so a run that could not map it fails instead of
     * quietly measuring without it.
     */
    Map<String, Double> mediansWithRuntimeArchive(List<Subject> subjects, Path archive) throws IOException, InterruptedException {
        return medians(subjects, Subject::runtimeFirst, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
    }

    private Map<String, Double> medians(List<Subject> subjects, Function<Subject, String> classpath,
                                        List<String> flags) throws IOException, InterruptedException {
        Map<String, double[]> times = new LinkedHashMap<>();
        subjects.forEach(subject -> times.put(subject.name(), new double[runs]));
        for (int round = 0; round < runs; round++) {
            for (Subject subject : subjects) {
                times.get(subject.name())[round] = once(subject, classpath.apply(subject), flags)[0];
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, each) -> {
            Arrays.sort(each);
            medians.put(name, each[runs / 2]);
        });
        return medians;
    }

    /**
     * The same with an AppCDS archive of the classes the first event loads: one training run writes it
     * ({@code -XX:+AutoCreateSharedArchive}), the measured runs map it.
     */
    double medianWithClassDataSharing(Subject subject, Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        List<String> flags = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        once(subject, subject.jars(), flags);
        return median(subject, subject.jars(), flags);
    }

    /**
     * A model of the class-data archive Lambda's Java runtime maps in every function's JVM ({@code -Xshare:on
     * -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa}, with the runtime's jars on the class path):
     * the JDK's default class list plus every class of the JDK and of the runtime's jars (the probe standing
     * in for the runtime client, core, the serialisation library) that hello world's first event loads;
     * not the handler's own classes, nor the events library and joda-time, which come in the function's
     * jar. What exactly AWS archives is not published; this is the archive such a command line implies,
     * and the floor it gives is hello world as Lambda would start it if it holds those classes.
     */
    Path runtimeArchive(Subject hello, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path loaded = dir.resolve("hello-world.classlist");
        Path list = dir.resolve("runtime.classlist");
        Path archive = dir.resolve("runtime.jsa");
        Files.deleteIfExists(loaded);
        Files.deleteIfExists(archive);
        run(hello, hello.runtimeFirst(), List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + loaded));
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(System.getProperty("java.home"), "lib", "classlist")));
        Files.readAllLines(loaded).stream().filter(ColdStarts::inLambdasRuntime).forEach(lines::add);
        Files.write(list, lines.stream().distinct().toList());
        Process dump = new ProcessBuilder(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive, "-cp", hello.runtimeFirst())
                .redirectErrorStream(true).redirectOutput(dir.resolve("runtime-dump.log").toFile()).start();
        if (dump.waitFor() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the runtime archive was not made; see " + dir.resolve("runtime-dump.log"));
        }
        return archive;
    }

    /** A loaded class (or lambda) that Lambda's runtime would have in its archive: not the handler's nor its jar's. */
    private static boolean inLambdasRuntime(String classListLine) {
        return !classListLine.contains("dev/touchpoint/bench/HelloHandler")
                && !classListLine.contains("com/amazonaws/services/lambda/runtime/events/")
                && !classListLine.contains("org/joda/");
    }

    private double median(Subject subject, String classpath, List<String> flags) throws IOException, InterruptedException {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = once(subject, classpath, flags)[0];
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
            times[i] = once(subject, subject.extracted(), primed ? List.of("-Dprobe.prime=true") : List.of())[1];
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /**
     * The function warm as deployed: in one JVM on its unpacked jar, with the CDK app's flags and its real
     * clients, its event handled {@code warmUps} times, then {@code measured} times timed one by one.
     * @return the p50 and p99 milliseconds per event
     */
    double[] warm(Subject subject, int warmUps, int measured) throws IOException, InterruptedException {
        Run run = run(subject, subject.extracted(), List.of("-Dprobe.warm=" + warmUps + "," + measured));
        if (run.warmMillis() == null) {
            throw new IllegalStateException(subject.name() + " printed no warm timings");
        }
        return run.warmMillis();
    }

    /** What the function answered its event in a fresh JVM on its unpacked jar (the probe's {@code ANSWER} line). */
    String answer(Subject subject) throws IOException, InterruptedException {
        return run(subject, subject.extracted(), List.of()).answer();
    }

    /**
     * The function's SnapStart primes run in a fresh JVM on its unpacked jar, as Lambda runs them before
     * its snapshot: how many ran, and those that failed ({@code what:Exception}; none is {@code -}).
     */
    String primes(Subject subject) throws IOException, InterruptedException {
        return run(subject, subject.extracted(), List.of("-Dprobe.prime=true")).primed();
    }

    /** @return milliseconds from process start to the first event handled, and from the handler constructed to it */
    private double[] once(Subject subject, String classpath, List<String> flags) throws IOException, InterruptedException {
        Run run = run(subject, classpath, flags);
        return new double[] {run.millis(), run.firstEventMillis()};
    }

    private record Run(double millis, double firstEventMillis, String answer, double[] warmMillis, String primed) {
    }

    private Run run(Subject subject, String classpath, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        command.addAll(EXTRA_FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath,
                "dev.touchpoint.bench.ColdStartProbe", subject.handler(), subject.eventClass(), subject.event().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        // Lambda names the function in every container; functions start their warm-ups only where it does
        // (-Dbench.cold.warmUps=false leaves the name out, to measure what the warm-ups buy).
        if (WARM_UPS) {
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", subject.name());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        double firstEvent = Double.NaN;
        String answer = null;
        double[] warm = null;
        String primed = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("PRIMED ")) {
                    primed = line.substring("PRIMED ".length());
                }
                if (line.startsWith("ANSWER ")) {
                    answer = line.substring("ANSWER ".length());
                }
                if (line.startsWith("FIRST_EVENT_MS ")) {
                    firstEvent = Double.parseDouble(line.substring("FIRST_EVENT_MS ".length()));
                }
                if (line.startsWith("WARM_MS ")) {
                    warm = Arrays.stream(line.substring("WARM_MS ".length()).split(" ")).mapToDouble(Double::parseDouble).toArray();
                }
                if (line.startsWith("HANDLED")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return new Run(millis, firstEvent, answer, warm, primed);
                }
                output.add(line);
            }
        }
        process.waitFor();
        throw new IllegalStateException(subject.name() + " did not handle its event:\n" + String.join("\n", output));
    }

    /** Unpacks a function's jar as Lambda unpacks its package, replacing what an earlier run left. */
    static Path extract(Path jar, Path into) throws IOException {
        if (Files.exists(into)) {
            try (var old = Files.walk(into)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
