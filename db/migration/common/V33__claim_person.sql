-- The person a claim is for, where the measure pays for one identified person (P6.1's talent: the claim form's
-- condition field …IdNumber, a 公民身份号码). active_key (measure:公民身份号码) is set while the claim is live or paid:
-- the unique key lets no person be claimed by two live claims of any enterprise, even when both are submitted at the
-- same moment; a claim that ended without payment gives it up at the next claim for the person.
CREATE TABLE claim_person (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id     BIGINT        NOT NULL,
    person_name  VARCHAR(200),
    id_number    CHAR(18)      NOT NULL,
    active_key   VARCHAR(40),
    CONSTRAINT fk_claim_person_claim FOREIGN KEY (claim_id) REFERENCES policy_claim (id),
    CONSTRAINT uk_claim_person_active UNIQUE (active_key)
);
CREATE INDEX ix_claim_person_id_number ON claim_person (id_number);
