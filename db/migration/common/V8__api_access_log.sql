-- Who read what through RDFund's API (/api/**): one row per request, for the auditors. Append-only by use.
CREATE TABLE api_access (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id     VARCHAR(64)   NOT NULL,
    method      VARCHAR(10)   NOT NULL,
    path        VARCHAR(500)  NOT NULL,
    query       VARCHAR(1000),
    status      INT           NOT NULL,
    accessed_at DATETIME      NOT NULL
);

CREATE INDEX ix_api_access_user ON api_access (user_id, accessed_at);
