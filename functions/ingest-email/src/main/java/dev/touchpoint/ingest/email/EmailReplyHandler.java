package dev.touchpoint.ingest.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Lambda entry point of the SES receipt rule; {@link EmailReplyWiring} builds what it holds. */
public final class EmailReplyHandler implements RequestStreamHandler {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final EmailReplyIngest INGEST = EmailReplyWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-email", () -> EmailReplyWiring.prime(Environment.system()));
        }
    }

    private final EmailReplyIngest ingest;

    public EmailReplyHandler() {
        this(FromEnvironment.INGEST);
    }

    public EmailReplyHandler(EmailReplyIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int queued = ingest.handle(input.readAllBytes(), JsonLines.of("ingest-email", context));
        output.write(Integer.toString(queued).getBytes(StandardCharsets.UTF_8));
    }
}
