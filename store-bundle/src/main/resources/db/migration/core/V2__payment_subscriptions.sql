-- The provider's subscription a payment belongs to (its first period or a renewal); null for one-time payments.
-- A renewal has no invoice id of the panel's: the panel matches it to its service by this column.
ALTER TABLE payments ADD COLUMN subscription_id VARCHAR(255);
CREATE INDEX payments_subscription ON payments (subscription_id);
