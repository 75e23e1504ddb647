package dev.touchpoint.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.local.lambda.LocalFunction;
import dev.touchpoint.local.lambda.LocalFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A function that crashes gets its caller an answer, as API Gateway gives one, not a dropped connection. */
class LocalHttpServerTest {

    private static HttpResponse<String> callFunctionThatThrows(Throwable failure) throws Exception {
        LocalFunctions functions = new LocalFunctions().addHttp(new LocalFunction<>(ApiFunction.INGEST_API.moduleName(), APIGatewayV2HTTPEvent.class,
                (APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) failure;
                }));
        RouteTable routes = RouteTable.fromCatalogue();
        LocalAdminRoutes admin = new LocalAdminRoutes(functions, () -> "{}", () -> "[]", queue -> 0);
        try (LocalHttpServer server = new LocalHttpServer(0, routes, functions, admin)) {
            server.start();
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aFunctionThatThrows_answers500_asAProblem() throws Exception {
        HttpResponse<String> response = callFunctionThatThrows(new IllegalStateException("secret detail"));
        assertEquals(500, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains("internal-error"), response.body());
        assertTrue(!response.body().contains("secret detail"), "the exception's message stays in the runtime's output");
    }

    @Test
    void aFunctionThatFailsWithAnError_stillAnswers() throws Exception {
        assertEquals(500, callFunctionThatThrows(new StackOverflowError()).statusCode());
    }
}
