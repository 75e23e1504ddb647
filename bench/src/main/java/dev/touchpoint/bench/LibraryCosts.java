package dev.touchpoint.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each library we chose over hand-written code costs the first time a function uses it
 * ({@code library_first_use_ms.<library>_<step>}): a fresh JVM per run, on the jar of a function that
 * uses it, unpacked as Lambda unpacks it, with the CDK app's JIT flags; median of {@code runs}, measured
 * in rounds. A step that answers other than the library should stops the run.
 */
final class LibraryCosts {

    /** A library, the function whose jar it is measured in, and each step's expected answer. */
    private record Library(String name, String function, Map<String, String> expected) {
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("libphonenumber", "ingest-api", Map.of("e164", "+905551112233", "time_zone", "[Europe/Istanbul]")),
            new Library("zxing", "survey-web", Map.of("qr_code", "37x37")),
            new Library("jackson_csv", "ingest-api", Map.of("json_first", "2-fields", "rows", "9-cells")),
            // Before issue 27 ingest-email stripped tags with regular expressions; jsoup replaced them: both, side by side.
            new Library("html_regex", "ingest-email", Map.of("html_text", "10 puanKasiyer &ccedil;ok ilgiliydiNasıldık?")),
            new Library("jsoup", "ingest-email", Map.of("html_text", "10 puan Kasiyer çok ilgiliydi")),
            // Issue 27: the language a customer writes in (the processor loads it beside its clients).
            new Library("language_detector", "processor", Map.of("profiles", "2-profiles", "guess", "tr")));

    private LibraryCosts() {
    }

    static void measure(Path root, Path work, int runs, Map<String, Object> results) throws Exception {
        String probe = Path.of(LibraryCosts.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Library library : LIBRARIES) {
                Path task = ColdStarts.extract(root.resolve("functions/" + library.function() + "/target/" + library.function() + ".jar"),
                        work.resolve("libraries").resolve(library.function()));
                firstUse(library, task + File.pathSeparator + probe)
                        .forEach((step, ms) -> millis.computeIfAbsent(library.name() + "_" + step, key -> new ArrayList<>()).add(ms));
            }
        }
        millis.forEach((step, values) -> {
            double median = values.stream().sorted().toList().get(values.size() / 2);
            results.put("library_first_use_ms." + step, Math.round(median * 10) / 10.0);
            System.out.printf("  library first use %-30s %7.1f ms%n", step, median);
        });
    }

    private static Map<String, Double> firstUse(Library library, String classpath) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "dev.touchpoint.bench.LibraryFirstUse", library.name()).redirectErrorStream(true).start();
        Map<String, Double> steps = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                String[] parts = line.split(" ", 4);
                if (parts.length == 4 && parts[0].equals("FIRST_USE") && parts[3].equals(library.expected().get(parts[1]))) {
                    steps.put(parts[1], Double.parseDouble(parts[2]));
                }
            }
        }
        if (process.waitFor() != 0 || !steps.keySet().equals(library.expected().keySet())) {
            throw new IllegalStateException(library.name() + " did not answer as expected:\n" + String.join("\n", output));
        }
        return steps;
    }
}
