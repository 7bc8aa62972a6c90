ALTER TABLE affiliates ADD COLUMN reward_percent INTEGER;
