package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.policy.ClaimFields;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.support.ClaimDriver;
import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A claim in words for its lead unit: the category as the claim form labels it, whichever catalogue version it was filed under. */
class ClaimViewTest {

    /** The catalogue as deployed before it had the claimFields column (claims filed then keep that version). */
    private static final List<PolicyMeasure> BEFORE_CLAIM_FIELDS =
            CatalogueFile.read(new File("src/test/resources/measures/PolicyMeasures-before-claimFields.dmn"));

    @Test
    void aClaimFiledBeforeTheCatalogueListedClaimFieldsStillShowsItsCategorysLabel() {
        PolicyMeasure filedUnder = measure(BEFORE_CLAIM_FIELDS, "P1.2");
        assertThat(filedUnder.claimFields()).isEqualTo(ClaimFields.NONE);
        PolicyClaim claim = platformClaim(filedUnder);

        String summary = ClaimView.summary(claim, ClaimView.fieldsOf(claim, filedUnder, CatalogueFile::claimFields),
                "测试企业", List.of());

        assertThat(summary).contains("平台类型：国家企业技术中心").doesNotContain("ENTERPRISE_TECH_CENTER");
    }

    @Test
    void aClaimFiledUnderACatalogueWithClaimFieldsReadsThatVersionsFields() {
        PolicyMeasure filedUnder = measure(CatalogueFile.MEASURES, "P1.2");
        PolicyClaim claim = platformClaim(filedUnder);

        assertThat(ClaimView.fieldsOf(claim, filedUnder, (measure, date) -> ClaimFields.NONE))
                .isEqualTo(filedUnder.claimFields());
        assertThat(ClaimView.summary(claim, filedUnder.claimFields(), "测试企业", List.of()))
                .contains("平台类型：国家企业技术中心");
    }

    private static PolicyMeasure measure(List<PolicyMeasure> catalogue, String measure) {
        return catalogue.stream().filter(m -> m.measure().equals(measure)).findFirst().orElseThrow();
    }

    /** A P1.2 claim for a national enterprise technology centre, filed under that catalogue row. */
    private static PolicyClaim platformClaim(PolicyMeasure filedUnder) {
        Map<String, Object> form = ClaimDriver.form("P1.2", "2025-03-01");
        form.put("platformType", "ENTERPRISE_TECH_CENTER");
        ClaimForm.Parsed parsed = ClaimForm.parse(form, LocalDate.of(2026, 12, 1), CatalogueFile::claimFields);
        assertThat(parsed.problems()).isEmpty();
        Filing filing = new Filing(filedUnder.measure(), filedUnder.name(), filedUnder.policyVersion(),
                "PolicyMeasures:1:old", "PlatformAwards:1:old", 1, filedUnder.leadUnit().name());
        return PolicyClaim.submitted("test", filing, 1L, "applicant", parsed.submission(), LocalDateTime.of(2026, 12, 1, 9, 0));
    }
}
