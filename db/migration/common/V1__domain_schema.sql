-- RDFund domain schema. Written for MySQL 8; also runs on H2 in MySQL mode (demo and tests).
-- Money is DECIMAL(15,2) in yuan. Camunda's own tables (ACT_*) are managed by Camunda, not here.

CREATE TABLE organization (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uscc        CHAR(18)     NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    district    VARCHAR(30),
    created_at  DATETIME     NOT NULL,
    CONSTRAINT uk_organization_uscc UNIQUE (uscc)
);

-- Which Camunda users act for an organization (an applicant's staff).
CREATE TABLE organization_member (
    user_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    organization_id  BIGINT      NOT NULL,
    CONSTRAINT fk_member_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE TABLE expert (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id          VARCHAR(64)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    organization_id  BIGINT       NOT NULL,
    title            VARCHAR(100),
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT uk_expert_user UNIQUE (user_id),
    CONSTRAINT fk_expert_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE TABLE expert_field (
    expert_id  BIGINT      NOT NULL,
    field      VARCHAR(50) NOT NULL,
    PRIMARY KEY (expert_id, field),
    CONSTRAINT fk_field_expert FOREIGN KEY (expert_id) REFERENCES expert (id)
);

-- Organizations an expert declares a working relationship with: a conflict of interest in review.
CREATE TABLE expert_collaborator (
    expert_id        BIGINT NOT NULL,
    organization_id  BIGINT NOT NULL,
    PRIMARY KEY (expert_id, organization_id),
    CONSTRAINT fk_collaborator_expert FOREIGN KEY (expert_id) REFERENCES expert (id),
    CONSTRAINT fk_collaborator_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE TABLE funding_call (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(40)   NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    measure              VARCHAR(10)   NOT NULL,
    lead_unit            VARCHAR(10)   NOT NULL,
    total_budget         DECIMAL(15,2) NOT NULL,
    project_cap          DECIMAL(15,2) NOT NULL,
    opens_at             DATETIME      NOT NULL,
    closes_at            DATETIME      NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    process_instance_id  VARCHAR(64),
    created_by           VARCHAR(64)   NOT NULL,
    created_at           DATETIME      NOT NULL,
    CONSTRAINT uk_funding_call_code UNIQUE (code),
    CONSTRAINT ck_funding_call_budget CHECK (total_budget >= 0 AND project_cap > 0),
    CONSTRAINT ck_funding_call_window CHECK (closes_at > opens_at)
);

CREATE TABLE funding_call_area (
    call_id  BIGINT      NOT NULL,
    area     VARCHAR(50) NOT NULL,
    PRIMARY KEY (call_id, area),
    CONSTRAINT fk_area_call FOREIGN KEY (call_id) REFERENCES funding_call (id)
);

CREATE TABLE application (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id              BIGINT        NOT NULL,
    applicant_id         BIGINT        NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    requested_amount     DECIMAL(15,2) NOT NULL,
    co_funding_amount    DECIMAL(15,2) NOT NULL DEFAULT 0,
    status               VARCHAR(20)   NOT NULL,
    submitted_at         DATETIME,
    process_instance_id  VARCHAR(64),
    created_at           DATETIME      NOT NULL,
    CONSTRAINT fk_application_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_application_applicant FOREIGN KEY (applicant_id) REFERENCES organization (id),
    CONSTRAINT ck_application_amounts CHECK (requested_amount > 0 AND co_funding_amount >= 0)
);

-- Consortium partners of a joint (联合攻关) application; the applicant is the lead.
CREATE TABLE application_partner (
    application_id   BIGINT NOT NULL,
    organization_id  BIGINT NOT NULL,
    PRIMARY KEY (application_id, organization_id),
    CONSTRAINT fk_partner_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_partner_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE TABLE project (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(40)   NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    measure              VARCHAR(10)   NOT NULL,
    organization_id      BIGINT        NOT NULL,
    application_id       BIGINT,
    approved_amount      DECIMAL(15,2) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    start_date           DATE,
    end_date             DATE,
    process_instance_id  VARCHAR(64),
    created_at           DATETIME      NOT NULL,
    CONSTRAINT uk_project_code UNIQUE (code),
    CONSTRAINT fk_project_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_project_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_project_amount CHECK (approved_amount >= 0)
);

CREATE TABLE milestone (
    project_id      BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    due_date        DATE          NOT NULL,
    planned_amount  DECIMAL(15,2),
    status          VARCHAR(20)   NOT NULL,
    PRIMARY KEY (project_id, seq),
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_milestone_seq CHECK (seq >= 1)
);

-- Append-only ledger of money paid out (DISBURSEMENT) and demanded back (RECOVERY).
-- One row per project + milestone + kind (milestone_seq 0: project-level, e.g. a recovery),
-- so a retried service task can never pay twice.
CREATE TABLE ledger_entry (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id           BIGINT        NOT NULL,
    milestone_seq        INT           NOT NULL,
    kind                 VARCHAR(20)   NOT NULL,
    amount               DECIMAL(15,2) NOT NULL,
    organization_id      BIGINT        NOT NULL,
    memo                 VARCHAR(500),
    approved_by          VARCHAR(64)   NOT NULL,
    recorded_by          VARCHAR(64)   NOT NULL,
    recorded_at          DATETIME      NOT NULL,
    process_instance_id  VARCHAR(64),
    CONSTRAINT uk_ledger_entry_key UNIQUE (project_id, milestone_seq, kind),
    CONSTRAINT fk_ledger_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_ledger_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_ledger_amount CHECK (amount > 0),
    CONSTRAINT ck_ledger_kind CHECK (kind IN ('DISBURSEMENT', 'RECOVERY')),
    CONSTRAINT ck_ledger_milestone CHECK (milestone_seq >= 0)
);

CREATE INDEX ix_ledger_organization ON ledger_entry (organization_id);
CREATE INDEX ix_application_call ON application (call_id);
CREATE INDEX ix_project_organization ON project (organization_id);
