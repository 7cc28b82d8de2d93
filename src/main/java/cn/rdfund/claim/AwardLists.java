package cn.rdfund.claim;

import cn.rdfund.system.Sha256;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.organization.UnifiedSocialCreditCode;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.system.InvalidInputException;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 免申即享: a lead unit imports an official list for one of its measures; each listed enterprise that is registered
 * (and has a user to act for it) gets a claim opened for it, its form filled in from the list, which it only
 * confirms (other awards for the same item, 从优就高) — then the claim goes the way every claim goes, through the same
 * tables. Unmatched, invalid and duplicate rows, and enterprises that already claimed the item, are reported. A file
 * is imported once per measure (by its SHA-256); importing it again answers the first import. Who imported what, when,
 * with the file's hash, is kept.
 */
@Service
class AwardLists {

    static final String OPENED = "OPENED";
    static final String UNMATCHED = "UNMATCHED";
    static final String INVALID = "INVALID";
    static final String DUPLICATE = "DUPLICATE";
    static final String ALREADY_CLAIMED = "ALREADY_CLAIMED";
    private static final Map<String, String> OUTCOMES = Map.of(OPENED, "已为企业开启申领，待企业确认", UNMATCHED, "未匹配",
            INVALID, "内容有误", DUPLICATE, "名单内重复", ALREADY_CLAIMED, "已有申领");

    /** A claim's list row with its import: what {@link #origin} reads. */
    private static final String ORIGINS = """
            SELECT i.id, r.row_no, i.file_name, i.imported_by, i.measure, r.reference_date, r.category
            FROM award_list_row r JOIN award_list_import i ON i.id = r.import_id""";

    record RowOutcome(int row, String uscc, String organizationName, String category, LocalDate referenceDate,
            String outcome, String outcomeLabel, String reason, String claimProcessInstanceId) {
    }

    record Imported(long id, String measure, String fileName, String fileSha256, String importedBy,
            LocalDateTime importedAt, boolean repeated, List<RowOutcome> rows) {
    }

    private final MeasureCatalogue catalogue;
    private final OrganizationRepository organizations;
    private final OrganizationMembers members;
    private final ClaimRepository claims;
    private final ClaimOpener opener;
    private final JdbcClient jdbc;
    private final Clock clock;

    AwardLists(MeasureCatalogue catalogue, OrganizationRepository organizations, OrganizationMembers members,
            ClaimRepository claims, ClaimOpener opener, JdbcClient jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.members = members;
        this.claims = claims;
        this.opener = opener;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Imported importList(String measure, String fileName, byte[] content, CamundaUser importer) {
        PolicyMeasure published = catalogue.published().stream().filter(m -> m.measure().equals(measure)).findFirst()
                .orElseThrow(() -> new InvalidInputException("「措施」（measure）：没有措施" + measure));
        if (!importer.groupIds().contains(published.leadUnit().groupId())) {
            throw new AuthorizationException("只有措施" + measure + "的牵头单位（"
                    + published.leadUnit().displayName() + "）可以导入其免申即享名单");
        }
        if (content.length == 0) {
            throw new InvalidInputException("「名单」（file）：文件为空");
        }
        String sha256 = Sha256.hex(content);
        Optional<Long> earlier = jdbc.sql("SELECT id FROM award_list_import WHERE measure = ? AND file_sha256 = ?")
                .params(measure, sha256).query(Long.class).optional();
        if (earlier.isPresent()) {
            return find(earlier.get(), true).orElseThrow();
        }
        List<AwardList.Listed> listed;
        try {
            listed = AwardList.read(content);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidInputException("「名单」（file）：" + unreadable.getMessage());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO award_list_import (measure, file_name, file_sha256, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(measure, fileName, sha256, importer.id(), LocalDateTime.now(clock).withNano(0))
                .update(key, "id");
        long importId = key.getKey().longValue();
        Map<String, Integer> seen = new HashMap<>();
        for (AwardList.Listed row : listed) {
            record(importId, row, judge(measure, fileName, sha256, row, seen));
        }
        return find(importId, false).orElseThrow();
    }

    /** What becomes of one row: its outcome, why, the organization and the claim opened. */
    private record Outcome(String outcome, String reason, String category, Long organizationId, String processInstanceId) {
        static Outcome not(String outcome, String reason) {
            return new Outcome(outcome, reason, null, null, null);
        }
    }

    private Outcome judge(String measure, String fileName, String sha256, AwardList.Listed row,
            Map<String, Integer> seen) {
        if (row.uscc().isEmpty()) {
            return Outcome.not(INVALID, AwardList.USCC + "未填写");
        }
        Optional<String> wrongCode = UnifiedSocialCreditCode.problem(row.uscc());
        if (wrongCode.isPresent()) {
            return Outcome.not(INVALID, wrongCode.get());
        }
        Integer first = seen.putIfAbsent(row.uscc(), row.row());
        if (first != null) {
            return Outcome.not(DUPLICATE, "与第" + first + "行重复");
        }
        if (row.referenceDate() == null) {
            return Outcome.not(INVALID, AwardList.DATE + "应为日期（如 2025-06-01）");
        }
        Optional<PolicyMeasure> inForce = catalogue.inForce(measure, row.referenceDate());
        if (inForce.isEmpty()) {
            return Outcome.not(INVALID, AwardList.DATE + row.referenceDate() + "不在措施" + measure + "的有效期内");
        }
        String category = null;
        Optional<String> list = inForce.get().claimFields().category();
        if (list.isPresent()) {
            Optional<String> option = ClaimFormDefinition.deployed().optionOf(list.get(), row.category());
            if (option.isEmpty()) {
                return Outcome.not(INVALID, AwardList.CATEGORY + "「" + row.category() + "」不是"
                        + ClaimFormDefinition.deployed().fieldLabel(list.get()) + "之一");
            }
            category = option.get();
        }
        Optional<Organization> organization = organizations.findByUscc(row.uscc());
        if (organization.isEmpty()) {
            return Outcome.not(UNMATCHED, "该统一社会信用代码的企业尚未在系统中注册");
        }
        long organizationId = organization.get().id();
        List<String> users = members.membersOf(organizationId);
        if (users.isEmpty()) {
            return new Outcome(UNMATCHED, "企业尚无办理人员账号", category, organizationId, null);
        }
        Optional<String> claimed = alreadyClaimed(organizationId, measure, row.referenceDate(), category);
        if (claimed.isPresent()) {
            return new Outcome(ALREADY_CLAIMED, claimed.get(), category, organizationId, null);
        }
        Map<String, Object> form = new HashMap<>();
        form.put("measure", measure);
        form.put("referenceDate", row.referenceDate().toString());
        form.put("claimTitle", "免申即享：" + inForce.get().name());
        form.put("documents", "免申即享名单：" + fileName + "第" + row.row() + "行（SHA-256 " + sha256 + "）");
        list.ifPresent(field -> form.put(field, row.category() == null ? null
                : ClaimFormDefinition.deployed().optionOf(field, row.category()).orElse(null)));
        return new Outcome(OPENED, null, category, organizationId, opener.open(users.get(0), form));
    }

    /**
     * A live or paid claim for the same item; or, under the same measure, a claim opened from a list that the
     * enterprise has not confirmed yet, or a live or paid one from a list for the same year (one recognition a year:
     * lists with other dates or categories must not pile claims on an enterprise).
     */
    private Optional<String> alreadyClaimed(long organizationId, String measure, LocalDate date, String category) {
        Optional<PolicyClaim> claim = claims.findSameItem(organizationId, measure, date, category,
                PolicyClaim.LIVE_OR_PAID, "");
        if (claim.isPresent()) {
            return Optional.of("已有申领" + claim.get().code());
        }
        String live = "'" + String.join("','", PolicyClaim.LIVE_OR_PAID) + "'";
        return jdbc.sql("""
                SELECT r.reference_date, pc.code FROM award_list_row r JOIN award_list_import i ON i.id = r.import_id
                LEFT JOIN policy_claim pc ON pc.process_instance_id = r.process_instance_id
                WHERE r.organization_id = ? AND r.outcome = 'OPENED' AND i.measure = ?
                  AND (pc.id IS NULL OR (pc.status IN (LIVE) AND YEAR(r.reference_date) = ?))""".replace("LIVE", live))
                .params(organizationId, measure, date.getYear())
                .query((rs, n) -> rs.getString("code") == null ? "已从名单为该企业开启同一措施的申领，待企业确认"
                        : "已从名单开启同一措施同一年度的申领" + rs.getString("code"))
                .list().stream().findFirst();
    }

    /** The measure's lead unit, auditors and administrators; not another unit's staff. */
    boolean mayRead(Imported imported, CamundaUser user) {
        return user.groupIds().contains(Groups.AUDITORS) || Groups.includeAdministrator(user.groupIds())
                || catalogue.published().stream()
                .filter(m -> m.measure().equals(imported.measure()))
                .anyMatch(m -> user.groupIds().contains(m.leadUnit().groupId()));
    }

    /** Claims opened from lists for the organization under the measure that it has not confirmed yet. */
    List<Origin> awaitingConfirmation(long organizationId, String measure) {
        return jdbc.sql(ORIGINS + """
                 WHERE r.organization_id = ? AND r.outcome = 'OPENED' AND i.measure = ?
                  AND NOT EXISTS (SELECT 1 FROM policy_claim pc WHERE pc.process_instance_id = r.process_instance_id)
                ORDER BY r.id""").params(organizationId, measure).query(AwardLists::origin).list();
    }

    /** The list row a claim was opened from: import, row, file, who imported it, and what the list said. */
    record Origin(long importId, int row, String fileName, String importedBy, String measure, LocalDate referenceDate,
            String category) {

        String described() {
            return "免申即享名单「" + fileName + "」第" + row + "行（导入人 " + importedBy + "，名单号 " + importId + "）";
        }
    }

    Optional<Origin> originOf(String processInstanceId) {
        return jdbc.sql(ORIGINS + " WHERE r.process_instance_id = ?").param(processInstanceId)
                .query(AwardLists::origin).optional();
    }

    private static Origin origin(ResultSet rs, int row) throws SQLException {
        return new Origin(rs.getLong("id"), rs.getInt("row_no"), rs.getString("file_name"), rs.getString("imported_by"),
                rs.getString("measure"), rs.getObject("reference_date", LocalDate.class), rs.getString("category"));
    }

    /** A claim opened from a list is the list's: its measure, date and category cannot be changed on confirmation. */
    List<String> departuresFromTheList(String processInstanceId, ClaimSubmission submission) {
        return originOf(processInstanceId).filter(origin -> !origin.measure().equals(submission.measure())
                        || !origin.referenceDate().equals(submission.facts().referenceDate())
                        || !java.util.Objects.equals(origin.category(), submission.facts().category()))
                .map(origin -> List.of("免申即享申领的措施、参照日期和类别以名单为准（" + origin.described() + "：措施"
                        + origin.measure() + "，参照日期" + origin.referenceDate()
                        + (origin.category() == null ? "" : "，类别"
                                + labelled(origin.measure(), origin.referenceDate(), origin.category())) + "），不能修改"))
                .orElse(List.of());
    }

    private void record(long importId, AwardList.Listed row, Outcome outcome) {
        jdbc.sql("""
                INSERT INTO award_list_row (import_id, row_no, uscc, organization_name, category, reference_date,
                  outcome, reason, organization_id, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(importId, row.row(), clip(row.uscc(), 40), clip(row.name(), 200),
                        clip(outcome.category() != null ? outcome.category() : row.category(), 40), row.referenceDate(),
                        outcome.outcome(), clip(outcome.reason(), 500), outcome.organizationId(),
                        outcome.processInstanceId())
                .update();
    }

    Optional<Imported> find(long id, boolean repeated) {
        Optional<String> measure = jdbc.sql("SELECT measure FROM award_list_import WHERE id = ?").param(id)
                .query(String.class).optional();
        List<RowOutcome> rows = jdbc.sql("""
                SELECT row_no, uscc, organization_name, category, reference_date, outcome, reason, process_instance_id
                FROM award_list_row WHERE import_id = ? ORDER BY row_no""").param(id)
                .query((rs, n) -> {
                    LocalDate date = rs.getObject("reference_date", LocalDate.class);
                    return new RowOutcome(rs.getInt("row_no"), rs.getString("uscc"), rs.getString("organization_name"),
                            labelled(measure.orElse(null), date, rs.getString("category")), date,
                            rs.getString("outcome"), OUTCOMES.get(rs.getString("outcome")), rs.getString("reason"),
                            rs.getString("process_instance_id"));
                })
                .list();
        return jdbc.sql("SELECT id, measure, file_name, file_sha256, imported_by, imported_at FROM award_list_import WHERE id = ?")
                .param(id).query((rs, n) -> new Imported(rs.getLong("id"), rs.getString("measure"),
                        rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toLocalDateTime(), repeated, rows))
                .optional();
    }

    /** A category as the claim form labels it (首次认定, not FIRST); as stored where the form has no such option. */
    private String labelled(String measure, LocalDate date, String category) {
        if (measure == null || date == null || category == null) {
            return category;
        }
        return catalogue.claimFields(measure, date).category()
                .map(list -> ClaimFormDefinition.deployed().label(list, category)).orElse(category);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
