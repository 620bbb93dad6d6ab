-- The gateway's own schema: API keys and the dataset and model catalog.
CREATE TABLE api_key (
    id              uuid PRIMARY KEY,
    tenant          text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('ADMIN', 'USER')),
    key_hash        char(64)    NOT NULL UNIQUE,
    key_prefix      text        NOT NULL,
    label           text,
    rate_per_minute int         NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

CREATE TABLE dataset (
    id                text PRIMARY KEY,
    owner             text        NOT NULL,
    name              text        NOT NULL,
    format            text        NOT NULL,
    sha256            char(64)    NOT NULL,
    size_bytes        bigint      NOT NULL,
    media_type        text        NOT NULL,
    row_count         bigint      NOT NULL,
    column_count      int         NOT NULL,
    schema            jsonb       NOT NULL,
    label_column      text,
    protected_columns jsonb       NOT NULL DEFAULT '[]',
    shape             jsonb       NOT NULL DEFAULT '[]',
    dtype             text,
    preview           jsonb       NOT NULL DEFAULT '[]',
    parents           jsonb       NOT NULL DEFAULT '[]',
    produced_by_service text,
    produced_by_job   text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dataset_owner ON dataset (owner, created_at DESC);

CREATE TABLE model (
    id                  text PRIMARY KEY,
    owner               text        NOT NULL,
    name                text        NOT NULL,
    framework           text        NOT NULL,
    sha256              char(64)    NOT NULL,
    size_bytes          bigint      NOT NULL,
    media_type          text        NOT NULL,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    parents             jsonb       NOT NULL DEFAULT '[]',
    produced_by_service text,
    produced_by_job     text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_owner ON model (owner, created_at DESC);
