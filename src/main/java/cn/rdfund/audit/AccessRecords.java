package cn.rdfund.audit;

import cn.rdfund.document.CaseDocuments;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The access log in words: who opened, claimed, submitted, downloaded or looked up what, each thing by its name
 * (「拨付审批 · XM2026-000003 …」, 案卷 XM2026-000003 …), with the raw request kept beside it as evidence. Filtered by
 * person, by a word of the case (its code or title as the records name it) and by dates (Beijing time).
 */
@Component
class AccessRecords {

    /** How many raw rows a search by case reads at most, newest first, to find its matches. */
    static final int SCANNED = 5000;

    record AccessRecord(LocalDateTime accessedAt, String userId, String userName, String sentence, String result,
            String method, String path, String query) {
    }

    record Filter(String userId, String caseText, LocalDate from, LocalDate to, int limit) {
    }

    private final ApiAccessLog log;
    private final ProcessHistory history;
    private final CaseIndex cases;
    private final CaseDocuments documents;

    AccessRecords(ApiAccessLog log, ProcessHistory history, CaseIndex cases, CaseDocuments documents) {
        this.log = log;
        this.history = history;
        this.cases = cases;
        this.documents = documents;
    }

    List<AccessRecord> find(Filter filter) {
        boolean byCase = filter.caseText() != null && !filter.caseText().isBlank();
        List<ApiAccessLog.Access> rows = log.rows(blankToNull(filter.userId()),
                filter.from() == null ? null : filter.from().atStartOfDay(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(), byCase ? SCANNED : filter.limit());
        List<AccessRecord> described = describe(rows);
        return byCase ? described.stream().filter(record -> record.sentence().contains(filter.caseText().strip()))
                .limit(filter.limit()).toList() : described;
    }

    private List<AccessRecord> describe(List<ApiAccessLog.Access> rows) {
        Map<ApiAccessLog.Access, AccessWording.Wording> wordings = new HashMap<>();
        rows.forEach(row -> wordings.put(row, AccessWording.of(row.method(), row.path())));
        Map<String, String> tasks = history.taskNames(ids(wordings, AccessWording.Subject.TASK));
        Map<String, String> processes = history.processLabels(ids(wordings, AccessWording.Subject.PROCESS));
        Map<String, String> caseFiles = named(ids(wordings, AccessWording.Subject.CASE), this::caseLabel);
        Map<String, String> files = named(ids(wordings, AccessWording.Subject.DOCUMENT), this::documentLabel);
        Map<String, String> people = history.names(rows.stream().map(ApiAccessLog.Access::userId)
                .collect(Collectors.toSet()));
        return rows.stream().map(row -> {
            AccessWording.Wording wording = wordings.get(row);
            String subject = switch (wording.subject()) {
                case NONE -> "";
                case TASK -> "「" + tasks.getOrDefault(wording.id(), "已删除或不存在的任务 " + wording.id()) + "」";
                case PROCESS -> "「" + processes.getOrDefault(wording.id(), "流程 " + wording.id()) + "」";
                case CASE -> caseFiles.get(wording.id());
                case DOCUMENT -> files.get(wording.id());
            };
            String name = people.getOrDefault(row.userId(), row.userId());
            return new AccessRecord(row.accessedAt(), row.userId(), name, name + " " + wording.verb() + subject,
                    result(row.status()), row.method(), row.path(), row.query());
        }).toList();
    }

    private static Set<String> ids(Map<ApiAccessLog.Access, AccessWording.Wording> wordings,
            AccessWording.Subject subject) {
        return wordings.values().stream().filter(wording -> wording.subject() == subject && wording.id() != null)
                .map(AccessWording.Wording::id).collect(Collectors.toSet());
    }

    private static Map<String, String> named(Set<String> ids, Function<String, String> label) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), label));
    }

    private String caseLabel(String kindAndId) {
        String[] parts = kindAndId.split("/", 2);
        try {
            return cases.find(parts[0], Long.parseLong(parts[1]))
                    .map(found -> " " + found.code() + "「" + found.title() + "」").orElse(" " + kindAndId);
        } catch (NumberFormatException notAnId) {
            return " " + kindAndId;
        }
    }

    private String documentLabel(String id) {
        try {
            return documents.recordOf(Long.parseLong(id))
                    .map(document -> "「" + document.kind() + " 第" + document.version() + "版 " + document.fileName() + "」")
                    .orElse(" " + id);
        } catch (NumberFormatException notAnId) {
            return " " + id;
        }
    }

    static String result(int status) {
        if (status < 400) {
            return "成功";
        }
        return switch (status) {
            case 401 -> "未登录";
            case 403 -> "被拒绝（无权）";
            case 404 -> "未找到或无权查看";
            default -> "出错（" + status + "）";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
