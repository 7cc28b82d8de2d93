package cn.rdfund.document;

import java.time.LocalDateTime;

/**
 * One version of one document of a case, without its content: {@code uploadedAt} in Beijing time, as every time
 * RDFund stores.
 */
public record CaseDocument(long id, String caseId, String kind, int version, String fileName, String contentType,
        long sizeBytes, String sha256, String taskId, String taskName, String uploadedBy, LocalDateTime uploadedAt) {

    /** What a person reads in a list or the case timeline. */
    public String description() {
        return kind + " 第" + version + "版：" + fileName + "（" + FileCheck.megabytes(sizeBytes) + "，SHA-256 " + sha256
                + "），上传于「" + taskName + "」";
    }
}
