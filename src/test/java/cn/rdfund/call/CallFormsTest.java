package cn.rdfund.call;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.selection.FundingCallProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser form offers exactly what the server accepts. */
class CallFormsTest {

    private static JsonNode component(String form, String key) throws Exception {
        try (InputStream in = CallFormsTest.class.getResourceAsStream("/bpmn/call/" + form)) {
            for (JsonNode component : new ObjectMapper().readTree(in).get("components")) {
                if (key.equals(component.path("key").asText())) {
                    return component;
                }
            }
        }
        throw new AssertionError(form + " has no field " + key);
    }

    private static List<String> values(JsonNode component) {
        List<String> values = new ArrayList<>();
        component.get("values").forEach(value -> values.add(value.get("value").asText()));
        return values;
    }

    @Test
    void offersTheTaxonomyTheServerChecksAgainst() throws Exception {
        assertThat(values(component("CallDraftForm.form", "areas"))).isEqualTo(TechnologyArea.displayNames());
        assertThat(values(component("CallDraftForm.form", "measure"))).isEqualTo(CallDraft.MEASURES);
    }

    @Test
    void offersTheDecisionsTheProcessRoutesOn() throws Exception {
        assertThat(values(component("CallApprovalForm.form", FundingCallProcess.APPROVAL_DECISION)))
                .containsExactly(FundingCallProcess.APPROVE, FundingCallProcess.RETURN);
    }
}
