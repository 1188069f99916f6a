-- Why a decision was taken, when a rule other than a category threshold decided it (the agent guard's
-- reasons for a tool call): a JSON array of strings, NULL for content decisions.
ALTER TABLE decisions ADD COLUMN reasons TEXT;
