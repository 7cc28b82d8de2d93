package cn.rdfund.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 10, 0);
    private static final FundingCaps CAPS = new FundingCaps(new BigDecimal("7000000.00"), new BigDecimal("10000000.00"));
    private static final CallFacts OWN_RD = new CallFacts("P1.1a", "PUBLISHED", new BigDecimal("5000000.00"),
            NOW.minusDays(10), NOW.plusDays(10));
    private static final CallFacts JOINT_RD = new CallFacts("P1.1b", "PUBLISHED", new BigDecimal("7000000.00"),
            NOW.minusDays(10), NOW.plusDays(10));

    private static ApplicationDraft draft(String requested, List<String> partners) {
        return new ApplicationDraft(1L, "创新药研发", new BigDecimal(requested), BigDecimal.ZERO, partners);
    }

    private static List<String> problems(ApplicationDraft draft, CallFacts call, String committed) {
        return Eligibility.problems(draft, new Eligibility.Facts(10L, call, CAPS, new BigDecimal(committed), Set.of(), NOW, false));
    }

    /** A 揭榜挂帅 challenge posted by organization 20, committing 500万 per team (above the 300万 support cap). */
    private static final CallFacts CHALLENGE = new CallFacts("P1.1c", "PUBLISHED", new BigDecimal("5000000.00"),
            NOW.minusDays(10), NOW.plusDays(10), 20L);

    @Test
    void aTeamQuotesAtMostWhatTheOwnerCommittedWhateverTheSupportCaps() {
        assertThat(problems(draft("5000000.00", List.of("P")), CHALLENGE, "9900000.00")).isEmpty();
        assertThat(problems(draft("5000000.01", List.of()), CHALLENGE, "0"))
                .containsExactly("揭榜报价超过发榜方承诺支付的500.00万元");
    }

    @Test
    void theOwnerCannotSolveItsOwnChallenge() {
        assertThat(Eligibility.problems(draft("1000000.00", List.of()),
                new Eligibility.Facts(20L, CHALLENGE, CAPS, BigDecimal.ZERO, Set.of(), NOW, false)))
                .containsExactly("发榜方不能揭自己发布的榜单");
    }

    @Test
    void acceptsExactlyTheCallsCapButNotOneFenMore() {
        assertThat(problems(draft("5000000.00", List.of()), OWN_RD, "0")).isEmpty();
        assertThat(problems(draft("5000000.01", List.of()), OWN_RD, "0"))
                .containsExactly("申请金额超过本指南单个项目上限500.00万元");
    }

    @Test
    void refusesAnEnterpriseAt900WanAsking200WanButAccepts100Wan() {
        assertThat(problems(draft("2000000.00", List.of("P")), JOINT_RD, "9000000.00"))
                .containsExactly("企业已获同类资助900.00万元，累计上限1000.00万元，本次最多可申请100.00万元");
        assertThat(problems(draft("1000000.00", List.of("P")), JOINT_RD, "9000000.00")).isEmpty();
    }

    @Test
    void requiresPartnersForJointAndNoneForOwnRd() {
        assertThat(problems(draft("100", List.of()), JOINT_RD, "0")).containsExactly("联合攻关项目须填写至少一家合作单位");
        assertThat(problems(draft("100", List.of("P")), OWN_RD, "0")).containsExactly("自主研发项目不填写合作单位");
    }

    @Test
    void refusesWhenTheWindowIsNotOpen() {
        CallFacts closed = new CallFacts("P1.1a", "CLOSED", new BigDecimal("5000000.00"), NOW.minusDays(10), NOW.plusDays(10));
        CallFacts ended = new CallFacts("P1.1a", "PUBLISHED", new BigDecimal("5000000.00"), NOW.minusDays(10), NOW.minusSeconds(1));

        assertThat(problems(draft("100", List.of()), closed, "0")).containsExactly("该指南当前不在申报期内");
        assertThat(problems(draft("100", List.of()), ended, "0")).containsExactly("该指南当前不在申报期内");
    }

    @Test
    void acceptsACorrectionAfterTheWindowHasClosed() {
        CallFacts closed = new CallFacts("P1.1a", "CLOSED", new BigDecimal("5000000.00"), NOW.minusDays(10), NOW.minusDays(1));

        assertThat(Eligibility.problems(draft("100", List.of()),
                new Eligibility.Facts(10L, closed, CAPS, BigDecimal.ZERO, Set.of(), NOW, true))).isEmpty();
    }

    @Test
    void refusesAnApplicantWithoutRegisteredOrganizationAndUnknownPartners() {
        List<String> problems = Eligibility.problems(draft("100", List.of("91210112MA0TEMP02R")),
                new Eligibility.Facts(null, JOINT_RD, CAPS, BigDecimal.ZERO, Set.of("91210112MA0TEMP02R"), NOW, false));

        assertThat(problems).containsExactly("申报账号未关联已登记的单位，请先登记单位信息", "合作单位尚未登记: 91210112MA0TEMP02R");
    }
}
