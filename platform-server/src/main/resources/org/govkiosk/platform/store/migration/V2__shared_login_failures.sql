-- Wrong credentials per client address (LoginThrottle), shared by every platform instance on this database:
-- a guesser spread over the instances behind a load balancer gets no more tries than one talking to one.
-- Times as epoch milliseconds; locked_until NULL while the client is not locked out.
CREATE TABLE login_failures (
    client       VARCHAR(64) NOT NULL PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    last_failure BIGINT      NOT NULL,
    locked_until BIGINT
);
CREATE INDEX login_failures_by_time ON login_failures (last_failure);
