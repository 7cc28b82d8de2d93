-- The graduates a claim paid per person counts (P6.3's 学员名册), one row each, as read from the roster the claimant
-- uploaded. active_key (measure:公民身份号码) is set while the claim is live or paid: the unique key lets no graduate be
-- counted by two live claims (of any enterprise) even when both are submitted at the same moment; it is cleared when
-- the claim ends without payment, so that another claim may count the person.
CREATE TABLE claim_trainee (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id          BIGINT        NOT NULL,
    row_no            INT           NOT NULL,
    trainee_name      VARCHAR(50)   NOT NULL,
    id_number         CHAR(18)      NOT NULL,
    graduated_on      DATE          NOT NULL,
    joined_on         DATE          NOT NULL,
    contract_months   INT           NOT NULL,
    insurance_months  INT           NOT NULL,
    active_key        VARCHAR(40),
    CONSTRAINT fk_claim_trainee_claim FOREIGN KEY (claim_id) REFERENCES policy_claim (id),
    CONSTRAINT uk_claim_trainee_active UNIQUE (active_key)
);
CREATE INDEX ix_claim_trainee_id_number ON claim_trainee (id_number);
