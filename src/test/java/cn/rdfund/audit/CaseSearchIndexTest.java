package cn.rdfund.audit;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.claim.ClaimService;
import cn.rdfund.claim.PolicyClaim;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case search finds a word of a case's name or its enterprise's name, one character, one or two letters or part
 * of a code through the search index once the case is indexed, and directly while it is not yet; a claim renamed when
 * resubmitted is found by its new name only.
 */
@RdfundIntegrationTest
class CaseSearchIndexTest {

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    CaseSearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aWordOfANameIsFoundThroughTheIndexAndANewCaseBeforeItIsIndexed() {
        PolicyClaim indexed = claim(lifecycle.newApplicant("蓝湾细胞科技"), "蓝湾细胞治疗中试平台认定奖励");
        indexEverything();
        assertThat(progress(AuditCase.CLAIM)).isGreaterThanOrEqualTo(indexed.id());
        assertThat(grams(indexed)).isPositive();

        assertThat(search("细胞治疗中试")).contains(indexed.code());
        assertThat(search("蓝湾细胞科技")).as("by the enterprise's name").contains(indexed.code());
        assertThat(search("钴钼铌钽锆铪")).isEqualTo("[]");
        assertThat(search(indexed.code().toLowerCase())).as("a whole code, by its unique index")
                .contains("\"code\":\"" + indexed.code() + "\"");

        PolicyClaim fresh = claim(lifecycle.newApplicant("紫荆材料"), "紫荆光刻胶验证奖励");
        assertThat(fresh.id()).isGreaterThan(progress(AuditCase.CLAIM));
        assertThat(search("光刻胶验证")).as("not indexed yet, read directly").contains(fresh.code());
        indexEverything();
        assertThat(search("光刻胶验证")).as("indexed, and listed once").contains(fresh.code())
                .satisfies(found -> assertThat(found.split(fresh.code(), -1)).hasSize(2));
    }

    @Test
    void oneCharacterTwoLettersOrPartOfACodeIsLookedUpInTheIndexToo() {
        PolicyClaim claim = claim(lifecycle.newApplicant("甑山智造"), "甑糕QZ智能产线认定奖励");
        indexEverything();
        String codeDigits = claim.code().substring(claim.code().indexOf('-') + 1);

        assertThat(search("甑")).as("one character").contains(claim.code());
        assertThat(search("QZ")).as("two letters").contains(claim.code());
        assertThat(search("qz")).as("in capitals or not").contains(claim.code());
        assertThat(search("糕QZ智")).as("Chinese and letters").contains(claim.code());
        assertThat(search("Z")).as("one letter").contains(claim.code());
        assertThat(search(codeDigits)).as("part of the code").contains(claim.code());
        assertThat(search(codeDigits + "X")).doesNotContain(claim.code());
        assertThat(search("QZX")).doesNotContain(claim.code());

        // Found through the index, not by reading the newest cases: without its rows the indexed case is not found.
        for (String searched : List.of("甑", "QZ", "Z", codeDigits)) {
            for (CaseGrams.Range range : CaseGrams.ofSearch(searched)) {
                jdbc.sql("DELETE FROM case_search_gram WHERE gram BETWEEN ? AND ? AND kind = 'claim' AND case_id = ?")
                        .params(range.from(), range.to(), claim.id()).update();
            }
            assertThat(search(searched)).as(searched).doesNotContain(claim.code());
        }
    }

    @Test
    void aClaimRenamedWhenCorrectedIsFoundByItsNewNameOnly() {
        String claimant = lifecycle.newApplicant("橙湖生物");
        Map<String, Object> form = form("银杏提取物工艺认定奖励");
        ProcessInstance instance = drive.submit(claimant, form);
        indexEverything();
        PolicyClaim claim = claims.ofProcess(instance.getId()).orElseThrow();
        assertThat(search("银杏提取物")).contains(claim.code());

        drive.check(instance, "kjj", CORRECT, "名称与证书不符，请更正");
        form.put("claimTitle", "基因测序仪首台套认定奖励");
        lifecycle.complete(instance, TASK_SUBMIT, claimant, form);

        assertThat(search("基因测序仪")).contains(claim.code());
        assertThat(search("银杏提取物")).doesNotContain(claim.code());
    }

    private PolicyClaim claim(String claimant, String title) {
        ProcessInstance instance = drive.submit(claimant, form(title));
        return claims.ofProcess(instance.getId()).orElseThrow();
    }

    private static Map<String, Object> form(String title) {
        Map<String, Object> form = ClaimDriver.form("P4.3", "2025-06-01", "recognitionType", "FIRST");
        form.put("claimTitle", title);
        return form;
    }

    private void indexEverything() {
        index.indexCasesCreatedBefore(LocalDateTime.now(clock).plusHours(1));
    }

    private String search(String word) {
        return Http.as(port, "auditor").get("/api/audit/cases?kind=claim&q=" + word).body();
    }

    private long progress(String kind) {
        return jdbc.sql("SELECT up_to_id FROM case_search_progress WHERE kind = ?").param(kind).query(Long.class)
                .single();
    }

    private long grams(PolicyClaim claim) {
        return jdbc.sql("SELECT COUNT(*) FROM case_search_gram WHERE kind = 'claim' AND case_id = ?")
                .param(claim.id()).query(Long.class).single();
    }
}
