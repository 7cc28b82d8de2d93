-- Expert review of applications: one row per expert drawn for an application (replacements are new rows),
-- and the panel's result. Scores are 0-100 per criterion; totals are weighted, two decimals.

CREATE TABLE review (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id       BIGINT        NOT NULL,
    expert_user_id       VARCHAR(64)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    conflict_reason      VARCHAR(500),
    scores               VARCHAR(500),
    total                DECIMAL(5,2),
    review_comment       VARCHAR(2000),
    drawn_at             DATETIME      NOT NULL,
    finished_at          DATETIME,
    process_instance_id  VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_review_expert UNIQUE (process_instance_id, expert_user_id),
    CONSTRAINT fk_review_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_review_status CHECK (status IN ('DRAWN', 'DECLINED', 'OVERDUE', 'SUBMITTED')),
    CONSTRAINT ck_review_total CHECK (total IS NULL OR (total >= 0 AND total <= 100))
);

CREATE TABLE review_result (
    application_id       BIGINT        NOT NULL PRIMARY KEY,
    score                DECIMAL(5,2),
    spread               DECIMAL(5,2),
    valid_reviews        INT           NOT NULL,
    trimmed              BOOLEAN       NOT NULL,
    needs_consensus      BOOLEAN       NOT NULL,
    consensus_score      DECIMAL(5,2),
    consensus_reason     VARCHAR(1000),
    consensus_by         VARCHAR(64),
    decided_at           DATETIME      NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_result_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE INDEX ix_review_application ON review (application_id);
