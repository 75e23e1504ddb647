package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Touchpoint's, not the SDK's: the one rule behind the two lazy providers beside it. The SDK generates
 * one class per service and per region, named from its id ({@code access-analyzer} →
 * {@code AccessAnalyzerServiceMetadata}, {@code us-gov-west-1} → {@code UsGovWest1}); its own providers
 * build all of them (369 classes) the first time any client is built, though a function needs two or
 * three. These load only the one asked for. {@code LazyRegionMetadataTest} holds the rule to the SDK's
 * own providers for every id they know.
 */
final class MetadataClassNames {

    /** Stands for "no such class" in the cache, which cannot hold null. */
    private static final Object NONE = new Object();

    private MetadataClassNames() {
    }

    /** {@code us-gov-west-1} → {@code UsGovWest1}: each run of letters and digits, capitalised. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return name.toString();
    }

    /**
     * The metadata of an id, made once, or null when the SDK has no class for it (its own providers
     * answer null too, and the SDK then falls back to its defaults).
     */
    static <T> T loadOnce(Map<String, Object> made, String id, Function<String, String> className, Class<T> type) {
        Object metadata = made.computeIfAbsent(id, key -> instantiate(className.apply(key)));
        return metadata == NONE ? null : type.cast(metadata);
    }

    static Map<String, Object> cache() {
        return new ConcurrentHashMap<>();
    }

    private static Object instantiate(String className) {
        try {
            return Class.forName(className, true, MetadataClassNames.class.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return NONE;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SDK metadata class " + className + " could not be made", e);
        }
    }
}
