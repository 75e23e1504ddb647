package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Touchpoint's stand-in for the SDK's generated class of this name (the function jars leave the SDK's
 * out; see the shade filters in the root pom): it makes a service's metadata when a client of that
 * service asks for it, instead of all 316 services' when the first client is built. That took about
 * 60 ms of every function's cold start (docs/performance.md). Same answers:
 * {@code LazyRegionMetadataTest}.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    /** Each id's metadata, made once; empty when the SDK has none. */
    private static final Map<String, Optional<ServiceMetadata>> MADE = new ConcurrentHashMap<>();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return MADE.computeIfAbsent(endpointPrefix, id -> MetadataClassNames.instance(className(id), ServiceMetadata.class)).orElse(null);
    }

    /** S3's is the one exception to the naming rule: the SDK wraps it to honour its us-east-1 regional-endpoint setting. */
    static String className(String endpointPrefix) {
        String name = MetadataClassNames.pascalCase(endpointPrefix) + "ServiceMetadata";
        return "software.amazon.awssdk.regions.servicemetadata." + (endpointPrefix.equals("s3") ? "Enhanced" + name : name);
    }
}
