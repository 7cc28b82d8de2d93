-- Selection and public notice (公示) of a call, project execution (任务书, 中期检查, 验收) and recoveries.

-- The ranking of a call's reviewed applications, per notice round (a new round after an objection is upheld).
CREATE TABLE call_selection (
    call_id          BIGINT        NOT NULL,
    notice_round     INT           NOT NULL,
    application_id   BIGINT        NOT NULL,
    rank_no          INT           NOT NULL,
    score            DECIMAL(5,2)  NOT NULL,
    outcome          VARCHAR(30)   NOT NULL,
    approved_amount  DECIMAL(15,2),
    reason           VARCHAR(2100) NOT NULL,
    ranked_at        DATETIME      NOT NULL,
    PRIMARY KEY (call_id, notice_round, application_id),
    CONSTRAINT fk_selection_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_selection_application FOREIGN KEY (application_id) REFERENCES application (id)
);

-- Objections raised during a public notice, and how the lead unit decided them.
CREATE TABLE call_objection (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id          BIGINT        NOT NULL,
    notice_round     INT           NOT NULL,
    application_id   BIGINT        NOT NULL,
    objection        VARCHAR(2000) NOT NULL,
    registered_by    VARCHAR(64)   NOT NULL,
    decision         VARCHAR(20)   NOT NULL,
    decision_reason  VARCHAR(2000) NOT NULL,
    decided_by       VARCHAR(64)   NOT NULL,
    decided_at       DATETIME      NOT NULL,
    task_id          VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_objection_task UNIQUE (task_id),
    CONSTRAINT fk_objection_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_objection_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_objection_decision CHECK (decision IN ('UPHELD', 'REJECTED'))
);

-- What an application says about the project (for the formal check and the experts).
ALTER TABLE application ADD COLUMN project_summary VARCHAR(2000);
ALTER TABLE application ADD COLUMN team VARCHAR(2000);
ALTER TABLE application ADD COLUMN work_plan VARCHAR(2000);
ALTER TABLE application ADD COLUMN promised_indicators VARCHAR(2000);

ALTER TABLE project ADD COLUMN call_id BIGINT;
ALTER TABLE project ADD COLUMN applicant_user_id VARCHAR(64);
ALTER TABLE project ADD COLUMN midterm_date DATE;
ALTER TABLE project ADD COLUMN indicators VARCHAR(4000);
ALTER TABLE project ADD COLUMN funded_amount DECIMAL(15,2);
ALTER TABLE project ADD COLUMN funding_note VARCHAR(1000);
ALTER TABLE project ADD COLUMN extension_months INT NOT NULL DEFAULT 0;
ALTER TABLE project ADD COLUMN spent_amount DECIMAL(15,2);
ALTER TABLE project ADD CONSTRAINT uk_project_application UNIQUE (application_id);
ALTER TABLE project ADD CONSTRAINT fk_project_call FOREIGN KEY (call_id) REFERENCES funding_call (id);

-- The instalments of a signed task agreement, as the disbursement schedule and the caps gave them.
CREATE TABLE instalment (
    project_id   BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    percent      INT           NOT NULL,
    released_by  VARCHAR(30)   NOT NULL,
    amount       DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (project_id, seq),
    CONSTRAINT fk_instalment_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_instalment_amount CHECK (amount >= 0)
);

-- One row per expert drawn to assess a project at its mid-term check or acceptance, per round.
CREATE TABLE project_assessment (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id           BIGINT        NOT NULL,
    stage                VARCHAR(20)   NOT NULL,
    check_round          INT           NOT NULL,
    expert_user_id       VARCHAR(64)   NOT NULL,
    verdict              VARCHAR(20),
    assessment_comment   VARCHAR(2000),
    drawn_at             DATETIME      NOT NULL,
    submitted_at         DATETIME,
    CONSTRAINT uk_assessment_expert UNIQUE (project_id, stage, check_round, expert_user_id),
    CONSTRAINT fk_assessment_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_assessment_stage CHECK (stage IN ('MIDTERM', 'ACCEPTANCE')),
    CONSTRAINT ck_assessment_verdict CHECK (verdict IS NULL OR verdict IN ('PASS', 'RECTIFY', 'FAIL'))
);

-- Money coming back: REPAYMENT rows record what a recovery (RECOVERY) brought in, one row per receipt.
ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_kind;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_kind CHECK (kind IN ('DISBURSEMENT', 'RECOVERY', 'REPAYMENT'));
