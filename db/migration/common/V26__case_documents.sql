-- Documents attached to a case (申报书, 任务书 scan, reports, vouchers, minutes): append-only. Replacing a document
-- adds the next version of its kind; nothing is updated or deleted. case_id is the root process instance of the task
-- it was uploaded on, so a document uploaded on an expert's review task belongs to the application under review.
CREATE TABLE case_document (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       VARCHAR(64)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    version       INT           NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(128)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    task_id       VARCHAR(64)   NOT NULL,
    task_name     VARCHAR(255)  NOT NULL,
    uploaded_by   VARCHAR(255)  NOT NULL,
    uploaded_at   DATETIME      NOT NULL,
    CONSTRAINT uq_case_document_version UNIQUE (case_id, kind, version)
);
