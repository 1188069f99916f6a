-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are UTC ISO-8601 text with milliseconds,
-- so they sort as text on both.
CREATE TABLE decisions (
    id              VARCHAR(40)  PRIMARY KEY,
    created_at      VARCHAR(30)  NOT NULL,
    client          VARCHAR(200) NOT NULL,
    endpoint        VARCHAR(64)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    policy_id       VARCHAR(200) NOT NULL,
    policy_version  VARCHAR(200) NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    flagged         SMALLINT     NOT NULL,
    categories      TEXT         NOT NULL,
    flagged_categories TEXT      NOT NULL,
    failed_open     SMALLINT     NOT NULL,
    content_sha256  VARCHAR(64)  NOT NULL,
    content_length  INTEGER      NOT NULL,
    content_text    TEXT,
    language        VARCHAR(40)
);
CREATE INDEX decisions_created_at ON decisions (created_at);

CREATE TABLE feedback (
    id              VARCHAR(40)  PRIMARY KEY,
    decision_id     VARCHAR(40),
    created_at      VARCHAR(30)  NOT NULL,
    client          VARCHAR(200) NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    label           VARCHAR(16)  NOT NULL,
    category        VARCHAR(100),
    language        VARCHAR(40),
    comment         TEXT,
    content_text    TEXT,
    status          VARCHAR(16)  NOT NULL,
    reviewer        VARCHAR(200),
    review_note     TEXT,
    reviewed_at     VARCHAR(30)
);
CREATE INDEX feedback_status ON feedback (status, created_at);
