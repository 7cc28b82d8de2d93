package cn.rdfund.audit;

import cn.rdfund.document.CaseDocument;
import cn.rdfund.document.CaseDocuments;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A case's one chronological view: its processes' history merged with reviews, assessments and the ledger. */
@Component
class CaseTimeline {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ProcessHistory history;
    private final CaseRecords records;
    private final CaseDocuments documents;

    CaseTimeline(ProcessHistory history, CaseRecords records, CaseDocuments documents) {
        this.history = history;
        this.records = records;
        this.documents = documents;
    }

    /**
     * RDFund's own records (reviews, ledger rows) are kept to the second (the engine's times too on MySQL, to the
     * millisecond on H2): a record goes after the engine's steps of its second, i.e. after the step that wrote it.
     * Events of the same time keep the order the history gave them (occurrence within a process, callers first).
     */
    private static LocalDateTime order(TimelineEvent event) {
        boolean record = TimelineEvent.REVIEW.equals(event.type()) || TimelineEvent.LEDGER.equals(event.type())
                || TimelineEvent.DOCUMENT.equals(event.type()) || TimelineEvent.SELECTION.equals(event.type());
        return record && event.at().getNano() == 0 ? event.at().plusNanos(999_999_999) : event.at();
    }

    private static TimelineEvent documentEvent(CaseDocument document) {
        return new TimelineEvent(document.uploadedAt(), TimelineEvent.DOCUMENT,
                (document.version() == 1 ? "上传材料 " : "更换材料 ") + document.kind(), document.uploadedBy(),
                List.of(document.description(), "下载：/api/documents/" + document.id()), null, null, "材料");
    }

    /** One read-only transaction for the whole timeline, instead of one per engine query. */
    @Transactional(readOnly = true)
    public List<TimelineEvent> of(AuditCase found) {
        ProcessHistory.Read read = history.read(found.processInstanceIds());
        List<TimelineEvent> events = new ArrayList<>(read.events());
        events.addAll(records.events(found, read.ended()::contains));
        documents.ofCases(found.processInstanceIds()).forEach(document -> events.add(documentEvent(document)));
        events.sort(Comparator.comparing(CaseTimeline::order));
        Set<String> actors = events.stream().map(TimelineEvent::actor).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> names = history.names(actors);
        return foldRepeatedDecisions(events).stream().map(event -> event.actor() == null
                || !names.containsKey(event.actor()) ? event
                : new TimelineEvent(event.at(), event.type(), event.title(), names.get(event.actor()), event.details(),
                        event.amount(), event.amountDisplay(), event.process())).toList();
    }

    /** Users' display names ("王科（kjj）") by id. */
    java.util.Map<String, String> names(Set<String> userIds) {
        return history.names(userIds);
    }

    /** What an auditor should look at first in the case (CaseAnomalies), from its timeline. */
    List<String> anomalies(AuditCase found, List<TimelineEvent> events) {
        return CaseAnomalies.of(events, records.approvedAmount(found));
    }

    /**
     * A decision table evaluated again with the same inputs and the same result (every expert's score weighs the same
     * criteria) is one line, at the first of those evaluations, saying how often and when last; an evaluation of the
     * same table with other inputs or another result in between starts a new line, so the order of results is kept.
     */
    static List<TimelineEvent> foldRepeatedDecisions(List<TimelineEvent> events) {
        Map<List<Object>, Integer> first = new HashMap<>();
        Map<List<Object>, List<Object>> latestOfTable = new HashMap<>();
        Map<Integer, List<TimelineEvent>> repeats = new HashMap<>();
        List<TimelineEvent> kept = new ArrayList<>();
        for (TimelineEvent event : events) {
            if (!TimelineEvent.DECISION.equals(event.type())) {
                kept.add(event);
                continue;
            }
            List<Object> table = List.of(event.process(), event.title());
            List<Object> sameness = List.of(event.process(), event.title(), event.details());
            Integer at = sameness.equals(latestOfTable.put(table, sameness)) ? first.get(sameness) : null;
            if (at == null) {
                first.put(sameness, kept.size());
                kept.add(event);
            } else {
                repeats.computeIfAbsent(at, index -> new ArrayList<>()).add(event);
            }
        }
        repeats.forEach((index, again) -> {
            TimelineEvent shown = kept.get(index);
            List<String> details = new ArrayList<>(shown.details());
            details.add("同样的输入和结果共评估" + (again.size() + 1) + "次，末次 "
                    + again.get(again.size() - 1).at().format(SECONDS));
            kept.set(index, new TimelineEvent(shown.at(), shown.type(), shown.title(), shown.actor(), details,
                    shown.amount(), shown.amountDisplay(), shown.process()));
        });
        return kept;
    }
}
