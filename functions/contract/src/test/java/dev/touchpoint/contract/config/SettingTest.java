package dev.touchpoint.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The settings are named once: in {@link Setting}, and in docs/configuration.md, which lists them as the enum does. */
class SettingTest {

    private static final Path REPOSITORY = Path.of("..", "..");
    /** The enum and its tests: the only place the variables are spelled out. */
    private static final String CONFIGURATION_PACKAGE = "/dev/touchpoint/contract/config/";
    /** Build output, downloaded packages and synthesised templates: not the project's source. */
    private static final Set<String> NOT_SOURCE = Set.of("target", "node_modules", ".git", "cdk.out");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    @Test
    void variables_areThePrefixAndTheName_andOnlySecretsHaveAnArn() {
        assertEquals("TOUCHPOINT_TABLE", Setting.TABLE.variable());
        assertEquals("TOUCHPOINT_API_KEY_SECRET_ARN", Setting.API_KEY.secretArnVariable());
        assertThrows(IllegalStateException.class, Setting.TABLE::secretArnVariable);
    }

    @Test
    void theConfigurationReference_listsEverySettingAsTheEnumDoes() throws IOException {
        String doc = Files.readString(REPOSITORY.resolve("docs/configuration.md"));
        String table = Arrays.stream(Setting.values())
                .map(s -> "| `" + s.variable() + "` | " + s.purpose() + " | " + (s.secret() ? "`" + s.secretArnVariable() + "`" : "") + " |")
                .collect(Collectors.joining("\n"));
        assertTrue(doc.contains(table), "docs/configuration.md must hold this table, row for row:\n" + table);
    }

    /** Outside the enum, code names a setting by its constant; a literal would drift from it unnoticed. */
    @Test
    void noSourceFile_spellsAVariableOut() throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return NOT_SOURCE.contains(String.valueOf(directory.getFileName())) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".java") && !file.toString().replace('\\', '/').contains(CONFIGURATION_PACKAGE)) {
                    literalsNamingASetting(file, found);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertEquals(List.of(), found);
    }

    private static void literalsNamingASetting(Path file, List<String> found) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                Matcher literal = STRING_LITERAL.matcher(code);
                while (literal.find()) {
                    if (literal.group().contains(Setting.PREFIX)) {
                        found.add(REPOSITORY.relativize(file) + ":" + (i + 1) + " " + literal.group());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
