-- What a claim is for, where its measure pays once per identified person or certificate (P6.1's talent: the claim
-- form's condition field …IdNumber, a 公民身份号码; P5.1a/b's certificateNumber). active_key (measure:kind:number) is
-- set while the claim is live or paid: the unique key lets no person or certificate be claimed by two live claims of
-- any enterprise, even when both are submitted at the same moment; a claim that ended without payment gives it up at
-- the next claim for it.
CREATE TABLE claim_subject (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id      BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    subject       VARCHAR(100)  NOT NULL,
    subject_name  VARCHAR(200),
    active_key    VARCHAR(140),
    CONSTRAINT fk_claim_subject_claim FOREIGN KEY (claim_id) REFERENCES policy_claim (id),
    CONSTRAINT uk_claim_subject_active UNIQUE (active_key)
);
CREATE INDEX ix_claim_subject_subject ON claim_subject (subject);
