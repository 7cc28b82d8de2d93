-- The case search index keeps, from every letter or digit of a case's texts, the three that start there, and fewer
-- where its run of letters and digits ends (audit.CaseGrams): a search of one or two letters or digits (5G) reads the
-- index rows starting with them, instead of the newest cases until 200 match (1.1-1.6 s at 100,000 cases when none
-- does). Built again in the background from the oldest case, as after V35. TRUNCATE: at 100,000 cases the table holds
-- some 13 million rows, which a DELETE would write to the undo log one by one.
TRUNCATE TABLE case_search_gram;
UPDATE case_search_progress SET up_to_id = 0;
