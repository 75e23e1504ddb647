package dev.touchpoint.aws.sqs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** How entries are split into {@code SendMessageBatch} requests, within SQS's limits for one request. */
final class SendBatches {

    /** Ten entries a request, and 256 KiB of bodies and attributes in all. */
    static final int ENTRIES = 10;
    static final int BYTES = 256 * 1024;
    /** What the {@code kind} attribute adds to an entry's size, rounded up. */
    private static final int ATTRIBUTE_BYTES = 64;

    private SendBatches() {
    }

    /**
     * The entries in order, ten a request or fewer where ten would pass 256 KiB (an entry larger than
     * that alone goes alone, and SQS answers for it). Entry ids must be unique across all of them.
     */
    static List<List<SendMessageBatchRequestEntry>> of(List<SendMessageBatchRequestEntry> entries) {
        List<List<SendMessageBatchRequestEntry>> requests = new ArrayList<>();
        List<SendMessageBatchRequestEntry> request = new ArrayList<>();
        int requestBytes = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            int bytes = entry.messageBody().getBytes(StandardCharsets.UTF_8).length + ATTRIBUTE_BYTES;
            if (request.size() == ENTRIES || (!request.isEmpty() && requestBytes + bytes > BYTES)) {
                requests.add(request);
                request = new ArrayList<>();
                requestBytes = 0;
            }
            request.add(entry);
            requestBytes += bytes;
        }
        if (!request.isEmpty()) {
            requests.add(request);
        }
        return requests;
    }
}
