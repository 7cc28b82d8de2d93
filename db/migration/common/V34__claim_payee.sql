-- The account a claim's award is paid into (开户银行 and 银行账号 of the claimant organization), as the claimant gave
-- it when submitting or confirming the claim; finance reads it at each payment's approval.
ALTER TABLE policy_claim ADD COLUMN payee_bank VARCHAR(100);
ALTER TABLE policy_claim ADD COLUMN payee_account VARCHAR(32);
