-- The ledger's seals become keyed (HMAC-SHA256 with a key kept outside the database, named by key_id so keys can
-- rotate). The unkeyed SHA-256 seals of V7 prove nothing against someone who can write to this database (they can
-- be recomputed, and start-up used to recompute them), so they are dropped, not carried over: after this migration
-- every existing ledger row is reported as unsealed by GET /api/ledger/verify until an administrator has checked
-- the rows and sealed them (POST /api/ledger/seal-unsealed, docs/operations.md). Nothing seals rows at start-up.
--
-- A seal holds the row's SHA-256 digest (to tell a changed row from a forged seal) and the MAC over its place in
-- the chain (seq, key, entry, digest, previous MAC, time, sealer). sealed_by is empty for a seal written with its
-- row by the ledger, and names the administrator for a row sealed afterwards.

DROP TABLE ledger_seal;
DROP TABLE ledger_chain_head;

CREATE TABLE ledger_seal (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    entry_id    BIGINT      NOT NULL,
    key_id      VARCHAR(32) NOT NULL,
    row_digest  CHAR(64)    NOT NULL,
    prev_mac    CHAR(64)    NOT NULL,
    mac         CHAR(64)    NOT NULL,
    sealed_at   DATETIME    NOT NULL,
    sealed_by   VARCHAR(64),
    CONSTRAINT uk_ledger_seal_entry UNIQUE (entry_id)
);

CREATE TABLE ledger_chain_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_mac  CHAR(64) NOT NULL
);

INSERT INTO ledger_chain_head (id, last_seq, last_mac)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
