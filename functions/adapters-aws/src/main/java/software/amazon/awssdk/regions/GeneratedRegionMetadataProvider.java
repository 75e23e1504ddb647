package software.amazon.awssdk.regions;

import java.util.Map;

/**
 * Touchpoint's stand-in for the SDK's generated class of this name, for the same reason as
 * {@link GeneratedServiceMetadataProvider}: one region's metadata when it is asked for, not all 53.
 */
public final class GeneratedRegionMetadataProvider implements RegionMetadataProvider {

    private static final Map<String, Object> MADE = MetadataClassNames.cache();

    @Override
    public RegionMetadata regionMetadata(Region region) {
        return MetadataClassNames.loadOnce(MADE, region.id(), GeneratedRegionMetadataProvider::className, RegionMetadata.class);
    }

    static String className(String regionId) {
        return "software.amazon.awssdk.regions.regionmetadata." + MetadataClassNames.pascalCase(regionId);
    }
}
