package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Touchpoint's lazy metadata providers must answer exactly what the SDK's generated ones answer, for
 * every service and region the SDK knows: the SDK's own classes are loaded from its jar in a class loader
 * of their own (on this classpath ours hide them) and compared id by id. An SDK upgrade that breaks the
 * naming rule fails here, not in AWS.
 */
class LazyRegionMetadataTest {

    private static ClassLoader sdksOwn;

    @BeforeAll
    static void loadTheSdksOwnProviders() throws Exception {
        sdksOwn = new RegionsJarFirst(jarOf(Region.class));
    }

    @Test
    void theseProvidersAreTheOnesTheSdkUsesHere() {
        assertNotEquals(jarOf(Region.class), jarOf(GeneratedServiceMetadataProvider.class));
        assertNotEquals(jarOf(Region.class), jarOf(GeneratedRegionMetadataProvider.class));
        assertEquals(Region.US_EAST_1, ServiceMetadata.of("dynamodb").signingRegion(Region.US_EAST_1));
        assertEquals("US East (N. Virginia)", Region.US_EAST_1.metadata().description());
    }

    /** An SDK upgrade stops here until the stand-ins are checked against it (the tests below) and the version is moved. */
    @Test
    void theSdkOnTheClasspathIsTheVersionTheseStandInsTrack() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = Region.class.getResourceAsStream("/META-INF/maven/software.amazon.awssdk/regions/pom.properties")) {
            assertNotNull(in, "the SDK's regions jar names its version");
            pom.load(in);
        }
        assertEquals(MetadataClassNames.TRACKED_SDK_VERSION, pom.getProperty("version"),
                "the SDK was upgraded: run this test class, then move MetadataClassNames.TRACKED_SDK_VERSION");
    }

    @Test
    void everyServiceHasTheSdksMetadata() throws Exception {
        Map<String, ?> sdk = generatedMap("GeneratedServiceMetadataProvider", "SERVICE_METADATA");
        assertFalse(sdk.size() < 300, "the SDK's map was read: " + sdk.size());
        GeneratedServiceMetadataProvider lazy = new GeneratedServiceMetadataProvider();
        for (Map.Entry<String, ?> service : sdk.entrySet()) {
            ServiceMetadata ours = lazy.serviceMetadata(service.getKey());
            assertNotNull(ours, service.getKey());
            assertEquals(service.getValue().getClass().getName(), ours.getClass().getName(), service.getKey());
            assertEquals(regionIds((List<?>) service.getValue().getClass().getMethod("regions").invoke(service.getValue())),
                    regionIds(ours.regions()), service.getKey());
        }
    }

    @Test
    void everyRegionHasTheSdksMetadata() throws Exception {
        Map<?, ?> sdk = generatedMap("GeneratedRegionMetadataProvider", "REGION_METADATA");
        assertFalse(sdk.size() < 40, "the SDK's map was read: " + sdk.size());
        GeneratedRegionMetadataProvider lazy = new GeneratedRegionMetadataProvider();
        for (Map.Entry<?, ?> region : sdk.entrySet()) {
            String id = region.getKey().toString();
            RegionMetadata ours = lazy.regionMetadata(Region.of(id));
            assertNotNull(ours, id);
            assertEquals(region.getValue().getClass().getName(), ours.getClass().getName(), id);
            assertEquals(region.getValue().getClass().getMethod("description").invoke(region.getValue()), ours.description(), id);
        }
    }

    @Test
    void unknownIdsHaveNoMetadataAsWithTheSdk() throws Exception {
        assertNull(new GeneratedServiceMetadataProvider().serviceMetadata("no-such-service"));
        assertNull(generatedMap("GeneratedServiceMetadataProvider", "SERVICE_METADATA").get("no-such-service"));
        assertNull(new GeneratedRegionMetadataProvider().regionMetadata(Region.of("xx-nowhere-1")));
        // Unknown regions still work: the SDK derives their endpoints from the partition.
        assertEquals(Region.of("xx-nowhere-1"), ServiceMetadata.of("sqs").signingRegion(Region.of("xx-nowhere-1")));
    }

    private static Map<String, ?> generatedMap(String provider, String field) throws Exception {
        Field map = Class.forName("software.amazon.awssdk.regions." + provider, true, sdksOwn).getDeclaredField(field);
        map.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, ?> entries = (Map<String, ?>) map.get(null);
        return entries;
    }

    private static List<String> regionIds(List<?> regions) {
        return regions.stream().map(Object::toString).sorted().toList();
    }

    /** Loads the regions package from the SDK's jar itself, everything else as the test does. */
    private static final class RegionsJarFirst extends URLClassLoader {

        RegionsJarFirst(URL regionsJar) {
            super(new URL[] {regionsJar}, LazyRegionMetadataTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("software.amazon.awssdk.regions.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
