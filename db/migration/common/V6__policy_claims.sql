-- Claims (申领) under the award and post-subsidy measures P1.2–P6.3. A claim records the facts the claimant
-- declared, the policy version and decision table version it was judged by, the amount the table gave, how
-- awards for the same item under other policies were compared (从优、就高、不重复), and its outcome. An approved
-- claim opens a funding record (project of the claim's measure) that the ledger pays through finance.

CREATE TABLE policy_claim (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                    VARCHAR(40)   NOT NULL,
    process_instance_id     VARCHAR(64)   NOT NULL,
    measure                 VARCHAR(10)   NOT NULL,
    measure_name            VARCHAR(200)  NOT NULL,
    policy_version          VARCHAR(40)   NOT NULL,
    catalogue_decision_id   VARCHAR(64)   NOT NULL,
    lead_unit               VARCHAR(10)   NOT NULL,
    organization_id         BIGINT        NOT NULL,
    claimant_user_id        VARCHAR(64)   NOT NULL,
    title                   VARCHAR(200)  NOT NULL,
    reference_date          DATE          NOT NULL,
    category                VARCHAR(40),
    base_yuan               DECIMAL(15,2),
    previous_output_yuan    DECIMAL(15,2),
    growth_percent          DECIMAL(9,2),
    headcount               INT,
    qualified               BOOLEAN,
    requested_yuan          DECIMAL(15,2),
    documents               VARCHAR(2000) NOT NULL,
    other_award             DECIMAL(15,2) NOT NULL DEFAULT 0,
    other_award_policy      VARCHAR(200),
    other_award_waived      BOOLEAN       NOT NULL DEFAULT FALSE,
    award_decision_id       VARCHAR(64),
    award_decision_version  INT,
    rule_basis              VARCHAR(1000),
    calculated_amount       DECIMAL(15,2),
    calculation             VARCHAR(1000),
    committee_ref           VARCHAR(100),
    committee_rationale     VARCHAR(2000),
    committee_recorded_by   VARCHAR(64),
    overlap_rule            VARCHAR(20),
    overlap_note            VARCHAR(1000),
    payable_amount          DECIMAL(15,2),
    status                  VARCHAR(20)   NOT NULL,
    status_reason           VARCHAR(2000),
    decided_by              VARCHAR(64),
    notice_ends_at          DATETIME,
    awarded_at              DATETIME,
    project_id              BIGINT,
    created_at              DATETIME      NOT NULL,
    updated_at              DATETIME      NOT NULL,
    CONSTRAINT uk_policy_claim_code UNIQUE (code),
    CONSTRAINT uk_policy_claim_process UNIQUE (process_instance_id),
    CONSTRAINT fk_policy_claim_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_policy_claim_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_policy_claim_amounts CHECK (other_award >= 0 AND (calculated_amount IS NULL OR calculated_amount >= 0)
        AND (payable_amount IS NULL OR payable_amount >= 0))
);

CREATE INDEX ix_policy_claim_organization ON policy_claim (organization_id);

-- The co-units' opinions (配合单位意见) on a claim, one per consultation task.
CREATE TABLE policy_claim_opinion (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id     BIGINT        NOT NULL,
    unit         VARCHAR(10)   NOT NULL,
    opinion      VARCHAR(2000) NOT NULL,
    given_by     VARCHAR(64)   NOT NULL,
    given_at     DATETIME      NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_claim_opinion_task UNIQUE (task_id),
    CONSTRAINT fk_claim_opinion_claim FOREIGN KEY (claim_id) REFERENCES policy_claim (id)
);
