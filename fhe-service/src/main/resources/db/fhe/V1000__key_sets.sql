-- The service's own tables, numbered from 1000 so they never collide with the platform's db/jobs versions that share
-- this schema's Flyway history.

-- A tenant's evaluation keys: the key bytes live in the artifact store; this row says whose they are and what they
-- are, never their content. The id is the SHA-256 of the three artifacts' digests, so uploading the same keys again
-- names the same set; another tenant's set with the same id is a different row.
CREATE TABLE key_set (
    owner                    text        NOT NULL,
    id                       char(64)    NOT NULL,
    parameter_set            text        NOT NULL,
    parameter_id             char(16)    NOT NULL,
    public_key_sha256        char(64)    NOT NULL,
    public_key_bytes         bigint      NOT NULL,
    relinearization_sha256   char(64)    NOT NULL,
    relinearization_bytes    bigint      NOT NULL,
    galois_keys_sha256       char(64),
    galois_keys_bytes        bigint      NOT NULL DEFAULT 0,
    galois_steps             int[]       NOT NULL DEFAULT '{}',
    conjugation              boolean     NOT NULL DEFAULT false,
    created_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

CREATE INDEX key_set_owner_created ON key_set (owner, created_at DESC);
