-- 申报编号 (SB2026-000012): an application's own number, as projects (XM…) and claims (DX…) have theirs. It is
-- given at the first submission (after the insert, from the id) and becomes the process instance's business key.
ALTER TABLE application ADD COLUMN code VARCHAR(40);
UPDATE application SET code = CONCAT('SB', YEAR(created_at), '-', LPAD(CAST(id AS CHAR), 6, '0')) WHERE code IS NULL;
ALTER TABLE application ADD CONSTRAINT uk_application_code UNIQUE (code);
