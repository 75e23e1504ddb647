package dev.touchpoint.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The events our functions take (HTTP API payload 2.0, SQS, SNS, and a scheduler's plain map) read from Jackson's tree, and
 * their answers written to it, field by field as AWS names them. Jackson's bean binding would find the
 * same fields by reflection, which costs a cold start about 60 ms more than reading the tree the
 * functions load anyway (docs/performance.md). {@code LambdaEventBindingTest} proves every sample and
 * a fully populated event bind exactly as Lambda's own serialisation library binds them. An SNS
 * record's {@code Timestamp} (a Joda time no handler reads) is left out.
 */
final class EventBinding {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventBinding() {
    }

    static boolean reads(Class<?> type) {
        return type == APIGatewayV2HTTPEvent.class || type == SQSEvent.class || type == SNSEvent.class || type == Map.class;
    }

    static <I> I read(JsonNode event, Class<I> type) {
        Object bound;
        if (type == APIGatewayV2HTTPEvent.class) {
            bound = http(event);
        } else if (type == SQSEvent.class) {
            bound = sqs(event);
        } else if (type == SNSEvent.class) {
            bound = sns(event);
        } else if (type == Map.class) {
            bound = event.isObject() ? plainValue(event) : new LinkedHashMap<String, Object>(); // a scheduler's event
        } else {
            throw new IllegalArgumentException("no binding for " + type.getName());
        }
        return type.cast(bound);
    }

    /** The answer as Lambda's library writes it: no nulls; a map or a number as Jackson writes them. */
    static JsonNode write(Object answer) {
        if (answer instanceof APIGatewayV2HTTPResponse http) {
            ObjectNode node = NODES.objectNode().put("statusCode", http.getStatusCode());
            putIfPresent(node, "headers", http.getHeaders());
            putIfPresent(node, "multiValueHeaders", http.getMultiValueHeaders());
            putIfPresent(node, "cookies", http.getCookies());
            if (http.getBody() != null) {
                node.put("body", http.getBody());
            }
            return node.put("isBase64Encoded", http.getIsBase64Encoded());
        }
        if (answer instanceof SQSBatchResponse batch) {
            ObjectNode node = NODES.objectNode();
            if (batch.getBatchItemFailures() != null) {
                ArrayNode failures = node.putArray("batchItemFailures");
                batch.getBatchItemFailures().forEach(failure -> failures.addObject().put("itemIdentifier", failure.getItemIdentifier()));
            }
            return node;
        }
        return tree(answer);
    }

    private static APIGatewayV2HTTPEvent http(JsonNode json) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(json, "version"));
        event.setRouteKey(text(json, "routeKey"));
        event.setRawPath(text(json, "rawPath"));
        event.setRawQueryString(text(json, "rawQueryString"));
        event.setCookies(texts(field(json, "cookies")));
        event.setHeaders(textMap(field(json, "headers")));
        event.setQueryStringParameters(textMap(field(json, "queryStringParameters")));
        event.setPathParameters(textMap(field(json, "pathParameters")));
        event.setStageVariables(textMap(field(json, "stageVariables")));
        event.setBody(text(json, "body"));
        event.setIsBase64Encoded(field(json, "isBase64Encoded").asBoolean(false));
        JsonNode context = field(json, "requestContext");
        if (context.isObject()) {
            event.setRequestContext(requestContext(context));
        }
        return event;
    }

    private static RequestContext requestContext(JsonNode json) {
        RequestContext context = new RequestContext();
        context.setRouteKey(text(json, "routeKey"));
        context.setAccountId(text(json, "accountId"));
        context.setStage(text(json, "stage"));
        context.setApiId(text(json, "apiId"));
        context.setDomainName(text(json, "domainName"));
        context.setDomainPrefix(text(json, "domainPrefix"));
        context.setTime(text(json, "time"));
        context.setTimeEpoch(field(json, "timeEpoch").asLong(0));
        context.setRequestId(text(json, "requestId"));
        JsonNode http = field(json, "http");
        if (http.isObject()) {
            RequestContext.Http bound = new RequestContext.Http();
            bound.setMethod(text(http, "method"));
            bound.setPath(text(http, "path"));
            bound.setProtocol(text(http, "protocol"));
            bound.setSourceIp(text(http, "sourceIp"));
            bound.setUserAgent(text(http, "userAgent"));
            context.setHttp(bound);
        }
        JsonNode authorizer = field(json, "authorizer");
        if (authorizer.isObject()) {
            context.setAuthorizer(authorizer(authorizer));
        }
        return context;
    }

    private static RequestContext.Authorizer authorizer(JsonNode json) {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        JsonNode jwt = field(json, "jwt");
        if (jwt.isObject()) {
            RequestContext.Authorizer.JWT bound = new RequestContext.Authorizer.JWT();
            bound.setClaims(textMap(field(jwt, "claims")));
            bound.setScopes(texts(field(jwt, "scopes")));
            authorizer.setJwt(bound);
        }
        JsonNode lambda = field(json, "lambda");
        if (lambda.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            lambda.fields().forEachRemaining(entry -> values.put(entry.getKey(), plainValue(entry.getValue())));
            authorizer.setLambda(values);
        }
        JsonNode iam = field(json, "iam");
        if (iam.isObject()) {
            RequestContext.IAM bound = new RequestContext.IAM();
            bound.setAccessKey(text(iam, "accessKey"));
            bound.setAccountId(text(iam, "accountId"));
            bound.setCallerId(text(iam, "callerId"));
            bound.setPrincipalOrgId(text(iam, "principalOrgId"));
            bound.setUserArn(text(iam, "userArn"));
            bound.setUserId(text(iam, "userId"));
            JsonNode cognito = field(iam, "cognitoIdentity");
            if (cognito.isObject()) {
                RequestContext.CognitoIdentity identity = new RequestContext.CognitoIdentity();
                identity.setAmr(texts(field(cognito, "amr")));
                identity.setIdentityId(text(cognito, "identityId"));
                identity.setIdentityPoolId(text(cognito, "identityPoolId"));
                bound.setCognitoIdentity(identity);
            }
            authorizer.setIam(bound);
        }
        return authorizer;
    }

    private static SQSEvent sqs(JsonNode json) {
        SQSEvent event = new SQSEvent();
        event.setRecords(list(field(json, "Records"), EventBinding::sqsMessage));
        return event;
    }

    private static SQSEvent.SQSMessage sqsMessage(JsonNode json) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(text(json, "messageId"));
        message.setReceiptHandle(text(json, "receiptHandle"));
        message.setBody(text(json, "body"));
        message.setMd5OfBody(text(json, "md5OfBody"));
        message.setMd5OfMessageAttributes(text(json, "md5OfMessageAttributes"));
        message.setEventSourceArn(text(json, "eventSourceARN"));
        message.setEventSource(text(json, "eventSource"));
        message.setAwsRegion(text(json, "awsRegion"));
        message.setAttributes(textMap(field(json, "attributes")));
        message.setMessageAttributes(map(field(json, "messageAttributes"), EventBinding::sqsAttribute));
        return message;
    }

    private static SQSEvent.MessageAttribute sqsAttribute(JsonNode json) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setStringValue(text(json, "stringValue"));
        attribute.setBinaryValue(bytes(field(json, "binaryValue")));
        attribute.setStringListValues(texts(field(json, "stringListValues")));
        attribute.setBinaryListValues(list(field(json, "binaryListValues"), EventBinding::bytes));
        attribute.setDataType(text(json, "dataType"));
        return attribute;
    }

    private static SNSEvent sns(JsonNode json) {
        SNSEvent event = new SNSEvent();
        event.setRecords(list(field(json, "Records"), EventBinding::snsRecord));
        return event;
    }

    private static SNSEvent.SNSRecord snsRecord(JsonNode json) {
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        record.setEventSource(text(json, "EventSource"));
        record.setEventVersion(text(json, "EventVersion"));
        record.setEventSubscriptionArn(text(json, "EventSubscriptionArn"));
        JsonNode sns = field(json, "Sns");
        if (sns.isObject()) {
            SNSEvent.SNS bound = new SNSEvent.SNS();
            bound.setType(text(sns, "Type"));
            bound.setMessageId(text(sns, "MessageId"));
            bound.setTopicArn(text(sns, "TopicArn"));
            bound.setSubject(text(sns, "Subject"));
            bound.setMessage(text(sns, "Message"));
            bound.setSignatureVersion(text(sns, "SignatureVersion"));
            bound.setSignature(text(sns, "Signature"));
            bound.setSigningCertUrl(text(sns, "SigningCertUrl"));
            bound.setUnsubscribeUrl(text(sns, "UnsubscribeUrl"));
            bound.setMessageAttributes(map(field(sns, "MessageAttributes"), attribute -> {
                SNSEvent.MessageAttribute one = new SNSEvent.MessageAttribute();
                one.setType(text(attribute, "Type"));
                one.setValue(text(attribute, "Value"));
                return one;
            }));
            record.setSns(bound);
        }
        return record;
    }

    /**
     * The field by its AWS name, or else by that name in any case (Lambda's library matches names
     * case-insensitively: {@code eventSourceARN}, {@code SigningCertURL}); a missing node when absent.
     */
    private static JsonNode field(JsonNode json, String name) {
        JsonNode exact = json.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return json.path(name);
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = field(json, name);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static Map<String, String> textMap(JsonNode object) {
        return map(object, value -> value.isNull() ? null : value.asText());
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        if (!array.isArray()) {
            return null;
        }
        List<T> values = new ArrayList<>(array.size());
        array.forEach(value -> values.add(each.apply(value)));
        return values;
    }

    private static <T> Map<String, T> map(JsonNode object, Function<JsonNode, T> each) {
        if (!object.isObject()) {
            return null;
        }
        Map<String, T> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), each.apply(entry.getValue())));
        return values;
    }

    private static ByteBuffer bytes(JsonNode base64) {
        return base64.isTextual() ? ByteBuffer.wrap(Base64.getDecoder().decode(base64.asText())) : null;
    }

    /** A Lambda authorizer's context value as plain Java: text, number, boolean, list or map. */
    private static Object plainValue(JsonNode value) {
        if (value.isObject()) {
            return map(value, EventBinding::plainValue);
        }
        if (value.isArray()) {
            return list(value, EventBinding::plainValue);
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.set(name, tree(value));
        }
    }

    /**
     * A plain answer (maps, lists, text, numbers, booleans, as our handlers return them) as Jackson's
     * {@code valueToTree} makes it, without a mapper; any other type is a programming error, said at once.
     */
    private static JsonNode tree(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Map<?, ?> map -> {
                ObjectNode node = NODES.objectNode();
                map.forEach((key, entry) -> node.set(String.valueOf(key), tree(entry)));
                yield node;
            }
            case List<?> list -> {
                ArrayNode node = NODES.arrayNode();
                list.forEach(element -> node.add(tree(element)));
                yield node;
            }
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case BigInteger number -> NODES.numberNode(number);
            default -> throw new IllegalArgumentException("no JSON form for an answer of type " + value.getClass().getName());
        };
    }
}
