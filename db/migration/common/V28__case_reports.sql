-- The register of PDF case reports handed out (审计报告): which case, when, for whom, the SHA-256 printed in the
-- report (of its content) and the file's own, and the file itself. A report shown later (to 审计局, in a dispute) is
-- checked against it and its original taken from it. Append-only: nothing is updated or deleted.
CREATE TABLE case_report (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_kind      VARCHAR(20)   NOT NULL,
    case_id        BIGINT        NOT NULL,
    case_code      VARCHAR(40),
    case_title     VARCHAR(500)  NOT NULL,
    generated_at   DATETIME      NOT NULL,
    generated_by   VARCHAR(255)  NOT NULL,
    content_sha256 CHAR(64)      NOT NULL,
    file_sha256    CHAR(64)      NOT NULL,
    content        LONGBLOB      NOT NULL
);
CREATE INDEX ix_case_report_content ON case_report (content_sha256);
CREATE INDEX ix_case_report_file ON case_report (file_sha256);
CREATE INDEX ix_case_report_case ON case_report (case_kind, case_id, generated_by, generated_at);
