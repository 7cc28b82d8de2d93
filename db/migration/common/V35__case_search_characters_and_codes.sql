-- The case search index also keeps each Chinese character of a case's name and enterprise name, and every three
-- neighbouring letters or digits of those, its code and its enterprise's credit code (audit.CaseGrams), so that a
-- search for one character or for part of a code reads only the cases having it, instead of the newest cases until
-- 200 match (about 2 s at 100,000 cases when none does). The index is built again in the background from the oldest
-- case (audit.CaseSearchIndex); until a case is in it again the search reads it directly, as it reads every new case.
DELETE FROM case_search_gram;
UPDATE case_search_progress SET up_to_id = 0;
