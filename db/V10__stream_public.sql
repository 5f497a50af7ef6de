-- Whether a stream plays without a signed token: protected (false) unless an operator says
-- otherwise, so a stream created before this column existed does not become public by itself.
ALTER TABLE streams ADD COLUMN public_playback BOOLEAN DEFAULT FALSE NOT NULL;
