package dev.touchpoint.domain.profile;

import java.util.Collection;
import java.util.List;

/** Port: responses and the daily aggregates they count in. */
public interface ResponseRepository {

    /**
     * Writes the response and adds it to its aggregate cell in one atomic step.
     *
     * @return false when this response id was recorded before (a redelivery): nothing was changed
     */
    boolean record(ResponseRecord response);

    /** Every response recorded under any of these profiles, oldest first. */
    List<ResponseRecord> forProfiles(Collection<String> profileIds);
}
