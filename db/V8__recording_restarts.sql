-- How often a recording's ffmpeg was restarted (it died, or made no progress and was killed) while
-- its stream stayed live: each restart is a new run of segments, so a gap of a few seconds.
ALTER TABLE recordings ADD COLUMN restarts INTEGER DEFAULT 0 NOT NULL;
