package dev.touchpoint.contract;

/** The functions behind the HTTP API, by the name of their module (and of their jar). */
public enum ApiFunction {
    INGEST_API("ingest-api"),
    REPORTING_API("reporting-api"),
    SURVEY_WEB("survey-web"),
    INGEST_TWILIO("ingest-twilio"),
    INGEST_META("ingest-meta");

    private final String moduleName;

    ApiFunction(String moduleName) {
        this.moduleName = moduleName;
    }

    /** e.g. {@code ingest-api}: the module under functions/, its jar, the local runtime's name for it. */
    public String moduleName() {
        return moduleName;
    }
}
