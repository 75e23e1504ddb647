/**
 * The ingest-api function: {@code POST /v1/feedback} from the web widget, apps, kiosks and call-centre
 * tools, {@code POST /v1/feedback/batch} from servers forwarding many, {@code POST /v1/interactions}, {@code POST /v1/imports}, {@code GET /v1/profiles} (by
 * identifier) and {@code POST /v1/replies}: the routes that take something in. The handler is a thin shell over
 * {@link dev.touchpoint.ingest.api.IngestApi}; {@link dev.touchpoint.ingest.api.IngestApiWiring} is the
 * composition root.
 */
package dev.touchpoint.ingest.api;
