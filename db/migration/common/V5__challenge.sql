-- 揭榜挂帅 (P1.1c): a challenge posted by an enterprise (发榜方) is published as a call (funding_call of measure
-- P1.1c, owned by the 发榜方), teams apply to it through the ordinary application process, and the city's
-- support to the 发榜方 is a project (project of measure P1.1c, organization = 发榜方) paid through the ledger.

ALTER TABLE funding_call ADD COLUMN owner_organization_id BIGINT;
ALTER TABLE funding_call ADD CONSTRAINT fk_call_owner FOREIGN KEY (owner_organization_id) REFERENCES organization (id);

CREATE TABLE challenge (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    process_instance_id    VARCHAR(64)   NOT NULL,
    owner_organization_id  BIGINT        NOT NULL,
    owner_user_id          VARCHAR(64)   NOT NULL,
    call_id                BIGINT        NOT NULL,
    project_id             BIGINT        NOT NULL,
    title                  VARCHAR(200)  NOT NULL,
    challenge_text         VARCHAR(4000) NOT NULL,
    indicators             VARCHAR(4000) NOT NULL,
    solve_by               DATE          NOT NULL,
    committed_amount       DECIMAL(15,2) NOT NULL,
    parallel_teams         INT           NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    publish_round          INT           NOT NULL DEFAULT 0,
    outcome_reason         VARCHAR(2000),
    created_at             DATETIME      NOT NULL,
    CONSTRAINT uk_challenge_process UNIQUE (process_instance_id),
    CONSTRAINT fk_challenge_owner FOREIGN KEY (owner_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_challenge_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_challenge_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_challenge_amount CHECK (committed_amount > 0 AND parallel_teams >= 1)
);

-- A selected team (揭榜方) and its contract with the 发榜方.
CREATE TABLE challenge_team (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    challenge_id      BIGINT        NOT NULL,
    application_id    BIGINT        NOT NULL,
    organization_id   BIGINT        NOT NULL,
    solver_user_id    VARCHAR(64)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    indicators        VARCHAR(4000),
    outcome_reason    VARCHAR(2000),
    selected_at       DATETIME      NOT NULL,
    CONSTRAINT uk_challenge_team UNIQUE (challenge_id, application_id),
    CONSTRAINT fk_team_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_team_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_team_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_team_status CHECK (status IN ('SELECTED', 'CONTRACTED', 'CUT', 'FAILED', 'ACCEPTED'))
);

-- The contract's milestones: what the team delivers, what the 发榜方 pays it on passing, the assessment,
-- the payment actually made (confirmed by finance) and the support instalment it gave rise to.
CREATE TABLE challenge_milestone (
    team_id               BIGINT        NOT NULL,
    seq                   INT           NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    due_date              DATE          NOT NULL,
    payment_amount        DECIMAL(15,2) NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    report                VARCHAR(2000),
    reported_at           DATETIME,
    stage_score           DECIMAL(5,2),
    finding               VARCHAR(4000),
    paid_amount           DECIMAL(15,2),
    payment_voucher       VARCHAR(100),
    payment_confirmed_by  VARCHAR(64),
    support_seq           INT,
    PRIMARY KEY (team_id, seq),
    CONSTRAINT fk_milestone_team FOREIGN KEY (team_id) REFERENCES challenge_team (id),
    CONSTRAINT ck_challenge_milestone CHECK (seq >= 1 AND payment_amount >= 0),
    CONSTRAINT ck_challenge_milestone_status CHECK (status IN ('PLANNED', 'PASSED', 'NOT_MET', 'CLOSED'))
);

-- Expert panels now also judge a challenge (论证), a disputed milestone of one team and a team's acceptance:
-- team_id tells the panels of one project apart (0: the project itself).
ALTER TABLE project_assessment ADD COLUMN team_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE project_assessment ADD CONSTRAINT uk_assessment_team_expert
    UNIQUE (project_id, team_id, stage, check_round, expert_user_id);
ALTER TABLE project_assessment DROP CONSTRAINT uk_assessment_expert;
ALTER TABLE project_assessment DROP CONSTRAINT ck_assessment_stage;
ALTER TABLE project_assessment ADD CONSTRAINT ck_assessment_stage
    CHECK (stage IN ('MIDTERM', 'ACCEPTANCE', 'VALIDATION', 'DISPUTE'));

-- A support stage of a 揭榜挂帅 project records how it was calculated (what was paid, the ratio, the caps).
ALTER TABLE instalment ADD COLUMN basis VARCHAR(1000);

CREATE INDEX ix_challenge_team ON challenge_team (challenge_id);
