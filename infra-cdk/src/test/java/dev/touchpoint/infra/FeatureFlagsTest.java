package dev.touchpoint.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * cdk.json sets every feature flag the aws-cdk-lib in use recommends, to the value it recommends (what
 * {@code cdk init} writes for a new app). An upgrade of aws-cdk-lib that adds a flag fails here until
 * the flag is set, and the synthesised template is checked again by TouchpointStackTest with it.
 */
class FeatureFlagsTest {

    @Test
    void cdkJson_setsEveryRecommendedFlag_toItsRecommendedValue() throws IOException {
        Map<String, Object> recommended = recommendedFlags();
        Map<String, Object> set = new TreeMap<>();
        CdkJson.context().forEach((name, value) -> {
            if (recommended.containsKey(name)) {
                set.put(name, value);
            }
        });
        assertEquals(recommended, set);
    }

    /** The flags as aws-cdk-lib publishes them: recommended-feature-flags.json at the root of its package. */
    private static Map<String, Object> recommendedFlags() throws IOException {
        String tarball = "software/amazon/awscdk/aws-cdk-lib@" + App.class.getPackage().getImplementationVersion() + ".jsii.tgz";
        try (InputStream packed = App.class.getClassLoader().getResourceAsStream(tarball)) {
            assertNotNull(packed, "aws-cdk-lib's jar holds " + tarball);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(packed))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.getName().equals("package/recommended-feature-flags.json")) {
                        return new TreeMap<>(new ObjectMapper().readValue(tar, new TypeReference<Map<String, Object>>() {
                        }));
                    }
                }
            }
        }
        throw new AssertionError("aws-cdk-lib no longer ships recommended-feature-flags.json");
    }
}
