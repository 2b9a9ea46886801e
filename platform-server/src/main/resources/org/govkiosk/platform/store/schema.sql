-- The platform's schema, the same text for H2 2.x and PostgreSQL 15. Portable on purpose: times are epoch
-- milliseconds (BIGINT), JSON is kept as text, binary as BYTEA (an H2 alias of BINARY VARYING).
-- Statements end with a semicolon at the end of a line; the loader splits on that.

CREATE TABLE IF NOT EXISTS terminals (
    terminal_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    hall_code         VARCHAR(64)  NOT NULL,
    public_key        VARCHAR(200) NOT NULL,
    model             VARCHAR(100),
    software_version  VARCHAR(64),
    registered_at     BIGINT       NOT NULL,
    last_heartbeat_at BIGINT,
    outbox_pending    INTEGER      NOT NULL DEFAULT 0
);

-- Added with the fleet page; ALTER so databases made before it gain the columns at start.
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS uptime_seconds BIGINT;
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS outbox_oldest_age_seconds BIGINT;
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS heartbeat_interval_seconds INTEGER;

-- The head of each terminal's audit chain (issue 14): the highest reported, and what went wrong with it, if anything.
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS audit_seq BIGINT;
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS audit_mac VARCHAR(64);
ALTER TABLE terminals ADD COLUMN IF NOT EXISTS audit_problem VARCHAR(300);

-- The platform's own keys, shared by every instance on this database: 'receipt' signs the receipts terminals pin.
CREATE TABLE IF NOT EXISTS platform_keys (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    private_key VARCHAR(200) NOT NULL,
    public_key  VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE IF NOT EXISTS device_status (
    terminal_id VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(64)  NOT NULL,
    family      VARCHAR(64)  NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    detail      VARCHAR(200),
    reported_at BIGINT       NOT NULL,
    PRIMARY KEY (terminal_id, device_id)
);

CREATE TABLE IF NOT EXISTS cases (
    case_number           VARCHAR(64)    NOT NULL PRIMARY KEY,
    terminal_id           VARCHAR(64)    NOT NULL,
    idempotency_key       VARCHAR(100)   NOT NULL,
    body_sha256           VARCHAR(64)    NOT NULL,
    local_case_id         VARCHAR(100)   NOT NULL,
    item_code             VARCHAR(64)    NOT NULL,
    item_name             VARCHAR(200)   NOT NULL,
    kind                  VARCHAR(16)    NOT NULL,
    state                 VARCHAR(32)    NOT NULL,
    applicant_key         VARCHAR(64)    NOT NULL,
    applicant_name_masked VARCHAR(100)   NOT NULL,
    submission            VARCHAR(1000000) NOT NULL,
    submitted_at          BIGINT         NOT NULL,
    received_at           BIGINT         NOT NULL,
    updated_at            BIGINT         NOT NULL,
    promised_date         DATE,
    note                  VARCHAR(2000),
    CONSTRAINT cases_idempotency UNIQUE (terminal_id, idempotency_key)
);

CREATE INDEX IF NOT EXISTS cases_by_applicant ON cases (applicant_key);

CREATE INDEX IF NOT EXISTS cases_by_state ON cases (state, received_at);

-- A terminal's case is one case whatever key it comes under: a second key for a local case already held is a
-- resubmission of it, answered with the case that is there.
CREATE UNIQUE INDEX IF NOT EXISTS cases_by_local_case ON cases (terminal_id, local_case_id);

-- Every delivery of a case, first and repeats, per key it came under: what makes "exactly once" checkable (a key
-- delivered three times is one case counted three times; a resubmission under a new key is a row of its own
-- pointing at the same case).
CREATE TABLE IF NOT EXISTS case_deliveries (
    terminal_id     VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    case_number     VARCHAR(64)  NOT NULL,
    deliveries      BIGINT       NOT NULL,
    last_at         BIGINT       NOT NULL,
    PRIMARY KEY (terminal_id, idempotency_key)
);

CREATE TABLE IF NOT EXISTS case_events (
    case_number VARCHAR(64)   NOT NULL,
    seq         INTEGER       NOT NULL,
    state       VARCHAR(32)   NOT NULL,
    occurred_at BIGINT        NOT NULL,
    note        VARCHAR(2000),
    PRIMARY KEY (case_number, seq)
);

CREATE TABLE IF NOT EXISTS certificates (
    case_number VARCHAR(64) NOT NULL PRIMARY KEY,
    pdf         BYTEA       NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    attached_at BIGINT      NOT NULL
);

CREATE TABLE IF NOT EXISTS ratings (
    rating_id        VARCHAR(64)    NOT NULL PRIMARY KEY,
    terminal_id      VARCHAR(64)    NOT NULL,
    idempotency_key  VARCHAR(100)   NOT NULL,
    body_sha256      VARCHAR(64)    NOT NULL,
    case_number      VARCHAR(64)    NOT NULL,
    service_sequence VARCHAR(32)    NOT NULL,
    item_code        VARCHAR(64)    NOT NULL,
    level            INTEGER        NOT NULL,
    bad              BOOLEAN        NOT NULL,
    submission       VARCHAR(100000) NOT NULL,
    received_at      BIGINT         NOT NULL,
    CONSTRAINT ratings_idempotency UNIQUE (terminal_id, idempotency_key),
    CONSTRAINT ratings_one_per_contact UNIQUE (case_number, service_sequence)
);

-- 默认评价 (issue 18): a rating the platform recorded as 基本满意 when the 5-working-day window closed unrated;
-- every report counts these apart from the ratings citizens gave.
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS defaulted BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE IF NOT EXISTS licence_codes (
    code             VARCHAR(128) NOT NULL PRIMARY KEY,
    licence_type     VARCHAR(64)  NOT NULL,
    licence_number   VARCHAR(64)  NOT NULL,
    holder_name      VARCHAR(100) NOT NULL,
    holder_id_number VARCHAR(64)  NOT NULL,
    issuer           VARCHAR(200) NOT NULL,
    valid_until      DATE,
    expires_at       BIGINT       NOT NULL
);

CREATE TABLE IF NOT EXISTS seen_nonces (
    terminal_id VARCHAR(64) NOT NULL,
    nonce       VARCHAR(64) NOT NULL,
    seen_at     BIGINT      NOT NULL,
    PRIMARY KEY (terminal_id, nonce)
);

CREATE INDEX IF NOT EXISTS seen_nonces_by_time ON seen_nonces (seen_at);

-- Scanned pages of a case's materials; the case's submission keeps only their hashes.
CREATE TABLE IF NOT EXISTS case_attachments (
    case_number   VARCHAR(64)  NOT NULL,
    material_code VARCHAR(64)  NOT NULL,
    page          INT          NOT NULL,
    media_type    VARCHAR(32)  NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    content       BYTEA        NOT NULL,
    stored_at     BIGINT       NOT NULL,
    PRIMARY KEY (case_number, material_code, page)
);

-- 补正: the materials a case still waits for (JSON list of Material), NULL once nothing is missing.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS outstanding VARCHAR(100000);
-- Added with the 不予受理通知书: a refused case's legal basis and where to appeal, as JSON (NonAcceptance).
ALTER TABLE cases ADD COLUMN IF NOT EXISTS refusal VARCHAR(4000);

-- Materials handed in for cases waiting for them (补正), idempotent per terminal and key like cases.
CREATE TABLE IF NOT EXISTS case_supplements (
    terminal_id     VARCHAR(64)     NOT NULL,
    idempotency_key VARCHAR(100)    NOT NULL,
    body_sha256     VARCHAR(64)     NOT NULL,
    case_number     VARCHAR(64)     NOT NULL,
    submission      VARCHAR(200000) NOT NULL,
    state_after     VARCHAR(32)     NOT NULL,
    still_missing   VARCHAR(100000),
    received_at     BIGINT          NOT NULL,
    PRIMARY KEY (terminal_id, idempotency_key)
);

-- Certificates handed out (出证), idempotent per terminal and key like cases. The first one of a case moved it to
-- CERTIFICATE_ISSUED; reprint marks the later ones (补打), which moved nothing.
CREATE TABLE IF NOT EXISTS case_issuances (
    issuance_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    terminal_id         VARCHAR(64)  NOT NULL,
    idempotency_key     VARCHAR(100) NOT NULL,
    body_sha256         VARCHAR(64)  NOT NULL,
    case_number         VARCHAR(64)  NOT NULL,
    hall_code           VARCHAR(64)  NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    certificate_sha256  VARCHAR(64)  NOT NULL,
    certificate_current BOOLEAN      NOT NULL,
    reprint             BOOLEAN      NOT NULL,
    issued_at           BIGINT       NOT NULL,
    received_at         BIGINT       NOT NULL,
    CONSTRAINT case_issuances_idempotency UNIQUE (terminal_id, idempotency_key)
);

CREATE INDEX IF NOT EXISTS case_issuances_by_case ON case_issuances (case_number, received_at);

-- Fleet page sessions ended by logout before their expiry, so a copied cookie dies with the logout on every
-- platform instance; forgotten once they would have expired anyway.
CREATE TABLE IF NOT EXISTS revoked_sessions (
    session_id VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);

-- A result document that no longer holds (issued in error, the decision withdrawn): its verification page says
-- 已撤销 revoked from then on. One row per case; the first revocation stands. The reason is for the clerks, never
-- shown on the public page.
CREATE TABLE IF NOT EXISTS certificate_revocations (
    case_number VARCHAR(64)  NOT NULL PRIMARY KEY,
    reason      VARCHAR(500) NOT NULL,
    revoked_at  BIGINT       NOT NULL
);

-- 退回件: a case returned by its department with the reasons in writing (a JSON list of strings), what the
-- applicant can do next, and who returned it (the record of the clerk's act; never shown to the public).
CREATE TABLE IF NOT EXISTS case_returns (
    case_number VARCHAR(64)    NOT NULL PRIMARY KEY,
    department  VARCHAR(200)   NOT NULL,
    returned_by VARCHAR(100)   NOT NULL,
    reasons     VARCHAR(12000) NOT NULL,
    next_steps  VARCHAR(500),
    returned_at BIGINT         NOT NULL
);

-- 容缺受理: a case accepted with materials deferred under the citizen's commitment (告知承诺): the materials (codes
-- and names, JSON), the deadline the platform counted on its working calendar and the one the terminal showed, the
-- acceptance (time, text version, text), and when the materials were received (NULL while outstanding).
CREATE TABLE IF NOT EXISTS case_deferrals (
    case_number       VARCHAR(64)   NOT NULL PRIMARY KEY,
    material_codes    VARCHAR(4000) NOT NULL,
    material_names    VARCHAR(12000) NOT NULL,
    deadline          DATE          NOT NULL,
    terminal_deadline DATE          NOT NULL,
    accepted_at       BIGINT        NOT NULL,
    text_version      VARCHAR(64)   NOT NULL,
    text              VARCHAR(2000) NOT NULL,
    received_at       BIGINT
);
