package software.amazon.awssdk.regions;

import java.util.Optional;

/**
 * Touchpoint's, not the SDK's: the one rule behind the two lazy providers beside it. The SDK generates
 * one class per service and per region, named from its id ({@code access-analyzer} →
 * {@code AccessAnalyzerServiceMetadata}, {@code us-gov-west-1} → {@code UsGovWest1}); its own providers
 * build all of them (369 classes) the first time any client is built, though a function needs two or
 * three. These load only the one asked for. {@code LazyRegionMetadataTest} holds the rule to the SDK's
 * own providers for every id they know.
 */
final class MetadataClassNames {

    /**
     * The SDK version these stand-ins were last checked against (the parent pom's {@code aws-sdk.version}).
     * {@code LazyRegionMetadataTest} fails when the SDK on the classpath is another: an upgrade may rename
     * or add generated classes, so move this only once that test passes on the new version.
     */
    static final String TRACKED_SDK_VERSION = "2.40.2";

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
     * The SDK's metadata object of that class, or empty when the SDK has no such class (its own providers
     * answer null then, and the SDK falls back to its defaults).
     */
    static <T> Optional<T> instance(String className, Class<T> type) {
        try {
            return Optional.of(type.cast(Class.forName(className, true, MetadataClassNames.class.getClassLoader())
                    .getDeclaredConstructor().newInstance()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SDK metadata class " + className + " could not be made", e);
        }
    }
}
