-- The case search by a word of a case's name or its enterprise's name (issue 15): LIKE '%…%' reads every case when
-- few match (about 2 s at 100,000 cases). Each pair of neighbouring Chinese characters in a case's name and its
-- enterprise's name is kept here with the case (audit.CaseGrams packs the pair into one number); the search reads
-- the cases of the query's rarest pair and checks the whole word on those only.
CREATE TABLE case_search_gram (
    gram     BIGINT       NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    case_id  BIGINT       NOT NULL,
    PRIMARY KEY (gram, kind, case_id)
);

-- Per kind of case, the highest id up to which every case is in case_search_gram (audit.CaseSearchIndex fills it in
-- the background, oldest first); the search reads newer cases directly.
CREATE TABLE case_search_progress (
    kind      VARCHAR(16)  NOT NULL PRIMARY KEY,
    up_to_id  BIGINT       NOT NULL
);

INSERT INTO case_search_progress (kind, up_to_id) VALUES ('project', 0);
INSERT INTO case_search_progress (kind, up_to_id) VALUES ('application', 0);
INSERT INTO case_search_progress (kind, up_to_id) VALUES ('claim', 0);
INSERT INTO case_search_progress (kind, up_to_id) VALUES ('call', 0);
