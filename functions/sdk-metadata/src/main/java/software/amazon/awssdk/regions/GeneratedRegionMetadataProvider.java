package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Touchpoint's stand-in for the SDK's generated class of this name, for the same reason as
 * {@link GeneratedServiceMetadataProvider}: one region's metadata when it is asked for, not all 53.
 */
public final class GeneratedRegionMetadataProvider implements RegionMetadataProvider {

    /** Each id's metadata, made once; empty when the SDK has none. */
    private static final Map<String, Optional<RegionMetadata>> MADE = new ConcurrentHashMap<>();

    @Override
    public RegionMetadata regionMetadata(Region region) {
        return MADE.computeIfAbsent(region.id(), id -> MetadataClassNames.instance(className(id), RegionMetadata.class)).orElse(null);
    }

    static String className(String regionId) {
        return "software.amazon.awssdk.regions.regionmetadata." + MetadataClassNames.pascalCase(regionId);
    }
}
