-- The measure's own conditions a claim gives (dates, places, kinds, evidence numbers: the claim form's condition fields,
-- as the award table reads them), as a JSON object: the table judges them again by the version the claim was filed under.
ALTER TABLE policy_claim ADD COLUMN conditions VARCHAR(4000);
