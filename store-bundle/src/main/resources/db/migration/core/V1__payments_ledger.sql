-- The payments ledger, billing agreements and the panel outbox. Written for H2 and PostgreSQL alike.
-- Amounts are whole numbers of the currency's minor units (cents; yen for JPY; fils for BHD).

CREATE TABLE payments (
    id              VARCHAR(26)  NOT NULL PRIMARY KEY,
    invoice_id      VARCHAR(100),
    gateway         VARCHAR(100) NOT NULL,
    instance_id     VARCHAR(100) NOT NULL,
    transaction_id  VARCHAR(255) NOT NULL,
    amount_minor    BIGINT,
    currency        VARCHAR(3),
    fee_minor       BIGINT,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payments_gateway_transaction UNIQUE (gateway, transaction_id)
);
CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_created ON payments (created_at);

CREATE TABLE billing_agreements (
    id                  VARCHAR(26)  NOT NULL PRIMARY KEY,
    gateway             VARCHAR(100) NOT NULL,
    instance_id         VARCHAR(100) NOT NULL,
    external_reference  VARCHAR(255) NOT NULL,
    user_id             VARCHAR(100),
    name                VARCHAR(255),
    type                VARCHAR(50),
    expiry              DATE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_agreements_reference UNIQUE (gateway, external_reference)
);

-- One row per payment change to tell the panel about, written in the transaction of the change.
CREATE TABLE panel_outbox (
    id               VARCHAR(26)   NOT NULL PRIMARY KEY,
    topic            VARCHAR(100)  NOT NULL,
    payment_id       VARCHAR(26)   NOT NULL,
    body             VARCHAR(8000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    claimed_by       VARCHAR(40),
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX panel_outbox_due ON panel_outbox (status, next_attempt_at);
