package dev.touchpoint.local.embedded;

/**
 * How many idle connections to one endpoint this JVM keeps open for reuse. The functions' SDK clients
 * use the JDK's URL-connection client, whose keep-alive cache holds 5 per endpoint unless
 * {@code http.maxConnections} says otherwise. In AWS that is plenty: one Lambda instance handles one
 * event at a time. The local runtime hosts every function in one JVM with dozens of invocations at
 * once, so with 5 most calls to DynamoDB Local and ElasticMQ opened and closed a TCP connection of
 * their own: the bench's pipeline ran about a fifth slower for it (docs/performance.md).
 */
public final class KeptAliveConnections {

    /** Above the local runtime's usual concurrency (the bench keeps 64 requests in flight, plus the pollers). */
    static final int PER_ENDPOINT = 256;

    private KeptAliveConnections() {
    }

    /**
     * Raises the limit unless the JVM was given one. The JDK reads it once, when the first connection
     * goes back to its cache, so this must run before any HTTP call: the embedded services' starts call it.
     */
    public static void raise() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(PER_ENDPOINT));
        }
    }
}
