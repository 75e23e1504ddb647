package dev.touchpoint.wire.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files under surveys/ read into exactly what the use cases' tests are built on ({@link TestSurveys}):
 * a change to a deployed survey fails here until the domain's fixture says the same.
 */
class DeployedSurveysTest {

    @Test
    void theDeployedSurveys_areTheOnesTheUseCasesAreTestedWith() {
        SurveyCatalog deployed = DeployedSurveys.catalog();
        assertEquals(List.of("post-service", "store-visit"), deployed.all().stream().map(SurveyDefinition::id).sorted().toList());
        assertEquals(TestSurveys.postService(), deployed.byId("post-service").orElseThrow());
        assertEquals(TestSurveys.storeVisit(), deployed.byId("store-visit").orElseThrow());
    }

    @Test
    void theDeployedTouchpoints_areTheOnesTheUseCasesAreTestedWith() {
        assertEquals(List.copyOf(TestSurveys.touchpoints().all()),
                List.copyOf(DeployedSurveys.touchpoints(DeployedSurveys.catalog()).all()));
    }
}
