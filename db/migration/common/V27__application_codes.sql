-- 申报编号 (SB2026-000012): an application's own number, as projects (XM…) and claims (DX…) have theirs. It is
-- given at the first submission (after the insert, from the id) and becomes the process instance's business key.
ALTER TABLE application ADD COLUMN code VARCHAR(40);
-- LPAD cuts a longer string to the length: ids of seven digits and more are written whole, as Java's %06d does.
UPDATE application SET code = CONCAT('SB', YEAR(created_at), '-',
    CASE WHEN id < 1000000 THEN LPAD(CAST(id AS CHAR(20)), 6, '0') ELSE CAST(id AS CHAR(20)) END) WHERE code IS NULL;
ALTER TABLE application ADD CONSTRAINT uk_application_code UNIQUE (code);
