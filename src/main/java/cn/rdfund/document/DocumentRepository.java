package cn.rdfund.document;

import cn.rdfund.system.ConflictException;
import cn.rdfund.system.Rows;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only table of documents: rows are added, never changed. */
@Repository
class DocumentRepository {

    private static final String COLUMNS = """
            id, case_id, kind, version, file_name, content_type, size_bytes, sha256, task_id, task_name, uploaded_by,
            uploaded_at""";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewDocument(String caseId, String kind, String fileName, String contentType, String sha256, byte[] content,
            String taskId, String taskName, String uploadedBy, LocalDateTime uploadedAt) {
    }

    /**
     * Adds the next version of its kind. Two uploads of the same kind at once both read the same last version; the
     * unique key refuses the second, which then takes the version after.
     */
    CaseDocument add(NewDocument document) {
        for (int attempt = 0; ; attempt++) {
            int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM case_document WHERE case_id = ? AND kind = ?")
                    .params(document.caseId(), document.kind()).query(Integer.class).single();
            try {
                jdbc.sql("""
                        INSERT INTO case_document (case_id, kind, version, file_name, content_type, size_bytes, sha256,
                          content, task_id, task_name, uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(document.caseId(), document.kind(), version, document.fileName(),
                                document.contentType(), document.content().length, document.sha256(),
                                document.content(), document.taskId(), document.taskName(), document.uploadedBy(),
                                document.uploadedAt())
                        .update();
            } catch (DuplicateKeyException concurrentUpload) {
                if (attempt == 4) {
                    throw new ConcurrentUploads(document.kind());
                }
                continue;
            }
            return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_id = ? AND kind = ? AND version = ?")
                    .params(document.caseId(), document.kind(), version).query(Rows.of(CaseDocument.class)).single();
        }
    }

    /** Five uploads of one kind kept colliding on the next version number: 409, try again. */
    static final class ConcurrentUploads extends ConflictException {
        ConcurrentUploads(String kind) {
            super("「材料类别」" + kind + "正有多份同时上传，请稍后重试");
        }
    }

    /** Every version of every document of these cases, oldest first. */
    List<CaseDocument> ofCases(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_id IN (:cases) ORDER BY uploaded_at, id")
                .param("cases", caseIds).query(Rows.of(CaseDocument.class)).list();
    }

    /** The kinds of document the case holds (in any version). */
    List<String> kindsOfCase(String caseId) {
        return jdbc.sql("SELECT DISTINCT kind FROM case_document WHERE case_id = ?").param(caseId).query(String.class)
                .list();
    }

    /** The size of every version of every document of the case. */
    long bytesOfCase(String caseId) {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM case_document WHERE case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    Optional<CaseDocument> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE id = ?").param(id)
                .query(Rows.of(CaseDocument.class)).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM case_document WHERE id = ?").param(id).query(byte[].class).single();
    }
}
