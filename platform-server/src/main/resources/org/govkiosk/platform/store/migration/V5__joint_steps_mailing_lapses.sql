-- Issue 17. A joint case's (联办件) departments, one step each: the joint departments (lead FALSE) review side by
-- side, the lead department (lead TRUE, the last position) decides after them. Made at intake from the catalog's
-- department and co-departments; state WAITING, IN_PROGRESS, AGREED or REFUSED, with who recorded it and when.
CREATE TABLE case_steps (
    case_number VARCHAR(64)   NOT NULL,
    position    INTEGER       NOT NULL,
    department  VARCHAR(200)  NOT NULL,
    lead        BOOLEAN       NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    done_by     VARCHAR(100),
    updated_at  BIGINT,
    note        VARCHAR(500),
    PRIMARY KEY (case_number, position)
);

-- The mailing of a case's result (证照特快专递) when the citizen chose it: the address itself stays in the case's
-- submission (the department needs it); here only its masked form for the public view, the state (WAITING, MAILED,
-- DELIVERED, RETURNED), the carrier and tracking number set by a clerk, and who set them.
CREATE TABLE case_mailing (
    case_number     VARCHAR(64)  NOT NULL PRIMARY KEY,
    address_masked  VARCHAR(200) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    carrier         VARCHAR(40),
    tracking_number VARCHAR(40),
    updated_by      VARCHAR(100),
    updated_at      BIGINT       NOT NULL
);

-- 容缺: when the platform's job ended a case whose deferred materials were not handed in by the deadline (the
-- commitment's consequence: 视为撤回); NULL while that has not happened.
ALTER TABLE case_deferrals ADD COLUMN lapsed_at BIGINT;
