package cn.rdfund.policy;

import cn.rdfund.bureau.LeadUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The measures an applicant may claim: the rule in words, the lead unit and co-units, the policy version and its
 * window, the facts its claim form asks for (claimFields), as the deployed decision tables say; all of them, or
 * those in force on a date (a claim's reference date). Any logged-in user may read it.
 */
@RestController
@RequestMapping("/api/policy/measures")
class MeasureResource {

    private final MeasureCatalogue catalogue;
    private final Clock clock;

    MeasureResource(MeasureCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    record MeasureDto(String measure, String name, String policyVersion, LocalDate validFrom, LocalDate validTo,
            boolean inForceToday, String leadUnit, List<String> coUnits, String recipient, String ruleText, String awardTable,
            List<String> claimFields) {
    }

    /** Without a date: every measure of every deployed policy version, marked whether its window includes today. */
    @GetMapping
    List<MeasureDto> measures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        return (date == null ? catalogue.published() : catalogue.inForceOn(date)).stream()
                .map(m -> new MeasureDto(m.measure(), m.name(), m.policyVersion(), m.validFrom(), m.validTo(),
                        m.appliesOn(today), m.leadUnit().displayName(),
                        m.coUnits().stream().map(LeadUnit::displayName).toList(), m.recipient(), m.ruleText(),
                        m.awardTable(), m.claimFields().words()))
                .toList();
    }
}
