-- Jobs of one service, in that service's own schema. Claimed with FOR UPDATE SKIP LOCKED, held by a lease.
CREATE TABLE job (
    id                  uuid PRIMARY KEY,
    type                text        NOT NULL,
    owner               text        NOT NULL,
    state               text        NOT NULL CHECK (state IN ('QUEUED','RUNNING','SUCCEEDED','FAILED','CANCELLING','CANCELLED')),
    priority            int         NOT NULL DEFAULT 0,
    params              jsonb       NOT NULL,
    seed                bigint      NOT NULL,
    request_hash        char(64)    NOT NULL,
    idempotency_key     text,
    attempt             int         NOT NULL DEFAULT 0,  -- claims so far; never reused, so outputs name their attempt
    released            int         NOT NULL DEFAULT 0,  -- claims handed back by a stopping worker: not counted
    max_attempts        int         NOT NULL DEFAULT 3,
    run_after           timestamptz NOT NULL DEFAULT now(),
    claimed_by          text,
    lease_until         timestamptz,
    heartbeat_at        timestamptz,
    cancel_requested    boolean     NOT NULL DEFAULT false,
    progress_fraction   double precision NOT NULL DEFAULT 0,
    progress_stage      text,
    result              jsonb,
    error               jsonb,
    versions            jsonb,
    timings             jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz,
    idempotency_expires timestamptz,
    UNIQUE (owner, idempotency_key)
) WITH (fillfactor = 70);

CREATE INDEX job_ready ON job (priority DESC, created_at) WHERE state = 'QUEUED';
CREATE INDEX job_leases ON job (lease_until) WHERE state IN ('RUNNING', 'CANCELLING');
CREATE INDEX job_owner_created ON job (owner, created_at DESC);

CREATE TABLE job_event (
    job_id  uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    seq     bigserial,
    at      timestamptz NOT NULL DEFAULT now(),
    state   text        NOT NULL,
    message text,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE job_artifact (
    job_id     uuid   NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    attempt    int    NOT NULL,
    name       text   NOT NULL,
    sha256     char(64) NOT NULL,
    size_bytes bigint NOT NULL,
    media_type text   NOT NULL,
    PRIMARY KEY (job_id, attempt, name)
);

CREATE TABLE job_log (
    job_id uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    seq    bigserial,
    at     timestamptz NOT NULL DEFAULT now(),
    line   text        NOT NULL,
    PRIMARY KEY (job_id, seq)
);
