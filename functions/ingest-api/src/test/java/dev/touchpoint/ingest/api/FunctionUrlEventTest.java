package dev.touchpoint.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.queue.QueueMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Lambda function URL (CDK context {@code ingestFunctionUrl}) invokes ingest-api with payload 2.0 as
 * the HTTP API does, but its route key is always {@code $default}: routing must go by method and path.
 */
class FunctionUrlEventTest {

    @Test
    void feedbackThroughAFunctionUrl_isAcceptedAndQueuedOnce() {
        List<QueueMessage> queued = new ArrayList<>();
        IngestApi api = IngestApiWiring.build(Environment.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "y", Setting.TABLE.variable(), "touchpoint", Setting.API_KEY.variable(), "server-key",
                Setting.SURVEY_TOKEN_KEY.variable(), "function-url-test-secret-0123456789abcdef")), queued::add);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                .withRawPath("/v1/feedback").withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json", "x-api-key", "server-key"))
                .withBody("""
                        {"externalId":"crm-1","channel":"api","customer":{"email":"ayse@example.com"},
                         "answers":[{"questionId":"nps","type":"nps","value":10}]}""")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey("$default")
                        .withDomainName("abcdefghij.lambda-url.eu-central-1.on.aws")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/v1/feedback")
                                .withSourceIp("203.0.113.9").build()).build())
                .build();

        APIGatewayV2HTTPResponse response = new IngestApiHandler(api).handleRequest(event, null);

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals(1, queued.size());
    }
}
