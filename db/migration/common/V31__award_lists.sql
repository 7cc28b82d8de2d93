-- 免申即享: official lists a lead unit imports (this year's 高新技术企业, 专精特新 recognitions …), one row per listed
-- enterprise with what became of it: a claim opened for the enterprise to confirm, or why not. A file is imported
-- once per measure (its SHA-256): importing it again answers the first import.
CREATE TABLE award_list_import (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure       VARCHAR(10)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    file_sha256   CHAR(64)      NOT NULL,
    imported_by   VARCHAR(64)   NOT NULL,
    imported_at   DATETIME      NOT NULL,
    CONSTRAINT uk_award_list_file UNIQUE (measure, file_sha256)
);

CREATE TABLE award_list_row (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    import_id            BIGINT        NOT NULL,
    row_no               INT           NOT NULL,
    uscc                 VARCHAR(40),
    organization_name    VARCHAR(200),
    category             VARCHAR(40),
    reference_date       DATE,
    outcome              VARCHAR(20)   NOT NULL,
    reason               VARCHAR(500),
    organization_id      BIGINT,
    process_instance_id  VARCHAR(64),
    CONSTRAINT fk_award_list_row_import FOREIGN KEY (import_id) REFERENCES award_list_import (id)
);
CREATE INDEX ix_award_list_row_organization ON award_list_row (organization_id, outcome);
