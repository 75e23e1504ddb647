package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ReadAheadProfiles;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A batch's profiles read ahead on the real table engine: the same people come out as when every
 * event reads for itself, including when another writer or an earlier message of the batch changed
 * what was read ahead, and a batch of known customers reads their profiles in two calls.
 */
class ReadAheadProfilesIT {

    private static final Identity EMAIL = new Identity(IdentityType.EMAIL, "ayse@example.com");
    private static final Identity PHONE = new Identity(IdentityType.PHONE, "+905551112233");
    private static final Identity WHATSAPP = new Identity(IdentityType.WHATSAPP_ID, "905551112233");

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private DynamoDbProfileRepository profiles;
    private IdentityResolver resolver;

    @BeforeEach
    void newTable() throws Exception {
        Environment env = EmbeddedEngines.environment();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(env.required("AWS_ENDPOINT_URL_DYNAMODB")))
                .region(Region.of(env.required("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        calls.add(context.request().getClass().getSimpleName().replace("Request", ""));
                    }
                }))
                .build();
        profiles = new DynamoDbProfileRepository(dynamo, EmbeddedEngines.newTable(dynamo));
        resolver = new IdentityResolver(profiles, () -> UUID.randomUUID().toString());
    }

    private static Customer customer(Identity... identities) {
        return Customer.verifiedBy("api-key", List.of(identities), null);
    }

    private static String resolve(IdentityResolver resolver, Identity... identities) {
        return resolver.resolve(customer(identities), Instant.now(), "test").orElseThrow();
    }

    @Test
    void knownCustomersOfABatch_areReadInTwoCalls_andResolveToTheirOwnProfiles() {
        List<Identity> emails = IntStream.range(0, 10)
                .mapToObj(i -> new Identity(IdentityType.EMAIL, "customer" + i + "@example.com")).toList();
        List<String> ids = emails.stream().map(email -> resolve(resolver, email)).toList();
        calls.clear();

        IdentityResolver batch = resolver.readingAhead(emails.stream().map(ReadAheadProfilesIT::customer).toList());
        List<String> resolved = emails.stream().map(email -> resolve(batch, email)).toList();

        assertEquals(ids, resolved);
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), calls,
                "one read for the ten identities, one for their ten profiles, none per event");
    }

    @Test
    void anIdentityClaimedByAnotherWriterAfterTheReadAhead_joinsThatProfile_noSecondProfile() {
        IdentityResolver batch = resolver.readingAhead(List.of(customer(PHONE)));
        // Another processor claims the phone after this batch read it as unclaimed.
        String claimedMeanwhile = resolve(resolver, PHONE);

        assertEquals(claimedMeanwhile, resolve(batch, PHONE), "the stale read's create loses and the decision is retaken");
        assertEquals(Optional.of(claimedMeanwhile), profiles.profileIdOf(PHONE));
    }

    @Test
    void aMergeByAnEarlierMessage_isSeenByALaterMessageOfTheSameBatch() {
        String byEmail = resolve(resolver, EMAIL);
        String byPhone = resolve(resolver, PHONE, WHATSAPP);
        assertNotEquals(byEmail, byPhone);
        IdentityResolver batch = resolver.readingAhead(List.of(customer(EMAIL, PHONE), customer(WHATSAPP)));

        assertEquals(byEmail, resolve(batch, EMAIL, PHONE), "the first message merges the phone's profile in");
        assertEquals(byEmail, resolve(batch, WHATSAPP),
                "the second reads the merged owner, not the unmerged one it had read ahead");
    }

    @Test
    void aNewCustomerTwiceInOneBatch_isOneProfile() {
        IdentityResolver batch = resolver.readingAhead(List.of(customer(EMAIL), customer(EMAIL, PHONE)));

        String first = resolve(batch, EMAIL);
        String second = resolve(batch, EMAIL, PHONE);

        assertEquals(first, second);
        ProfileRecord profile = profiles.load(first).orElseThrow();
        assertEquals(Set.of(EMAIL, PHONE), profile.identities());
    }

    @Test
    void eachValueReadAhead_answersOneLookUp_thenTheStoreAnswers() {
        String id = resolve(resolver, EMAIL);
        ReadAheadProfiles batch = ReadAheadProfiles.of(profiles, List.of(EMAIL, PHONE));
        String phoneOwner = resolve(resolver, PHONE);

        assertEquals(Optional.empty(), batch.profileIdOf(PHONE), "as it was when the batch began");
        assertEquals(Optional.of(phoneOwner), batch.profileIdOf(PHONE), "used up: read from the table");
        assertEquals(Optional.of(id), batch.profileIdOf(EMAIL));
        assertEquals(id, batch.load(id).orElseThrow().id());
        assertEquals(0, batch.unused());
    }

    @Test
    void profilesAndIdentitiesBeyondOneCall_areReadInCallsOfAHundred() {
        List<Identity> many = IntStream.range(0, 130)
                .mapToObj(i -> new Identity(IdentityType.EMAIL, "many" + i + "@example.com")).toList();
        String known = resolve(resolver, many.get(129));
        calls.clear();

        Map<Identity, IdentityEntry> entries = profiles.entriesOf(Set.copyOf(many));

        assertEquals(130, entries.size());
        assertEquals(Optional.of(known), entries.get(many.get(129)).owner());
        assertEquals(129, entries.values().stream().filter(entry -> entry.owner().isEmpty()).count());
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), calls);
    }
}
