/**
 * The ingest-api function: {@code POST /v1/feedback} from the web widget, apps, kiosks and call-centre
 * tools, and (until reporting-api exists) {@code GET /v1/profiles}. The handler is a thin shell over
 * {@link dev.touchpoint.ingest.api.IngestApi}; {@link dev.touchpoint.ingest.api.IngestApiWiring} is the
 * composition root.
 */
package dev.touchpoint.ingest.api;
