-- Tamper evidence for the ledger: every ledger row gets a seal, in the order it was written, holding a SHA-256
-- hash over the row's content and the previous seal's hash. Seals are kept apart from ledger_entry (which stays
-- append-only) and have no foreign key to it, so a row deleted behind the application's back leaves its seal as
-- evidence. ledger_chain_head holds the last seal; writing a seal locks it, so the chain has one order.

CREATE TABLE ledger_seal (
    seq        BIGINT   NOT NULL PRIMARY KEY,
    entry_id   BIGINT   NOT NULL,
    prev_hash  CHAR(64) NOT NULL,
    row_hash   CHAR(64) NOT NULL,
    sealed_at  DATETIME NOT NULL,
    CONSTRAINT uk_ledger_seal_entry UNIQUE (entry_id)
);

CREATE TABLE ledger_chain_head (
    id         INT      NOT NULL PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);

INSERT INTO ledger_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
