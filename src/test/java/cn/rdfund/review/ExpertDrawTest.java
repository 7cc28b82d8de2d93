package cn.rdfund.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.expert.Expert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExpertDrawTest {

    private static final long APPLICANT = 1;
    private static final long PARTNER = 2;
    private static final long OTHER_APPLICANT_IN_CALL = 3;
    private static final long UNIVERSITY = 10;
    private static final long HOSPITAL = 11;

    private static final ReviewContext APPLICATION = new ReviewContext(APPLICANT, Set.of(PARTNER),
            Set.of(APPLICANT, PARTNER, OTHER_APPLICANT_IN_CALL), Set.of("新药筛选", "化学合成"));

    private static Expert expert(String userId, long organizationId, Set<String> fields, Long... collaborators) {
        return new Expert(null, userId, userId, organizationId, "教授", true,
                fields.stream().map(Expert.ExpertField::new).collect(Collectors.toSet()),
                Stream.of(collaborators).map(Expert.ExpertCollaborator::new).collect(Collectors.toSet()));
    }

    private static final Set<String> DRUG_SCREENING = Set.of("新药筛选");

    @Test
    void excludesEveryKindOfConflictAndSaysWhich() {
        List<Expert> pool = List.of(
                expert("sameAsApplicant", APPLICANT, DRUG_SCREENING),
                expert("sameAsPartner", PARTNER, DRUG_SCREENING),
                expert("collaborator", UNIVERSITY, DRUG_SCREENING, PARTNER),
                expert("applyingInCall", OTHER_APPLICANT_IN_CALL, DRUG_SCREENING),
                expert("wrongField", UNIVERSITY, Set.of("医学影像")),
                expert("clean", HOSPITAL, DRUG_SCREENING));

        ExpertDraw.Result result = ExpertDraw.draw(pool, APPLICATION, 5, Set.of(), new Random(1));

        assertThat(result.drawn()).extracting(Expert::userId).containsExactly("clean");
        assertThat(result.shortfall()).isEqualTo(4);
        assertThat(result.excluded()).containsEntry("sameAsApplicant", List.of("与申报单位或合作单位同单位"))
                .containsEntry("sameAsPartner", List.of("与申报单位或合作单位同单位"))
                .containsEntry("collaborator", List.of("申报单位或合作单位为其声明的合作单位"))
                .containsEntry("applyingInCall", List.of("所在单位在同一指南下申报"))
                .containsEntry("wrongField", List.of("专业领域与指南不符"));
    }

    @Test
    void neverDrawsAnExpertAgainWhoWasDrawnOrDeclined() {
        List<Expert> pool = List.of(expert("a", UNIVERSITY, DRUG_SCREENING), expert("b", HOSPITAL, DRUG_SCREENING));

        ExpertDraw.Result replacement = ExpertDraw.draw(pool, APPLICATION, 1, Set.of("a"), new Random(7));

        assertThat(replacement.drawn()).extracting(Expert::userId).containsExactly("b");
        assertThat(replacement.excluded()).containsEntry("a", List.of("已抽取或已回避"));
    }

    @Test
    void drawsTheWantedNumberAtRandomButRepeatablyForTheSameSeed() {
        List<Expert> pool = Stream.of("e1", "e2", "e3", "e4", "e5", "e6", "e7")
                .map(id -> expert(id, HOSPITAL, DRUG_SCREENING)).toList();

        List<String> first = ExpertDraw.draw(pool, APPLICATION, 5, Set.of(), new Random(42)).drawn().stream()
                .map(Expert::userId).toList();
        List<String> again = ExpertDraw.draw(reversed(pool), APPLICATION, 5, Set.of(), new Random(42)).drawn()
                .stream().map(Expert::userId).toList();

        assertThat(first).hasSize(5).doesNotHaveDuplicates().isEqualTo(again);
    }

    private static List<Expert> reversed(List<Expert> pool) {
        List<Expert> copy = new ArrayList<>(pool);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void skipsInactiveExperts() {
        Expert retired = new Expert(null, "retired", "retired", HOSPITAL, "教授", false,
                Set.of(new Expert.ExpertField("新药筛选")), Set.of());

        assertThat(ExpertDraw.draw(List.of(retired), APPLICATION, 1, Set.of(), new Random(1)).excluded())
                .containsEntry("retired", List.of("已停用"));
    }
}
