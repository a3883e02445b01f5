-- orders schema (PostgreSQL 15)
CREATE TABLE customer (
    id            BIGSERIAL PRIMARY KEY,
    email         CITEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,          -- argon2id
    api_token_sha256 BYTEA,               -- hash of the customer's personal API token
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE "order" (
    id           BIGSERIAL PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    customer_id  BIGINT NOT NULL REFERENCES customer(id),
    state        TEXT NOT NULL CHECK (state IN ('cart', 'payment_pending', 'paid', 'shipped', 'cancelled')),
    total_cents  BIGINT NOT NULL,
    currency     CHAR(3) NOT NULL,
    payment_ref  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE password_reset (
    token_hash  BYTEA PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX order_customer_idx ON "order"(customer_id, created_at DESC);
CREATE INDEX order_state_idx ON "order"(state) WHERE state IN ('payment_pending', 'paid');
