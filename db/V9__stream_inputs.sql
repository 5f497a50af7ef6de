-- Where a stream's media comes from: RTMP through nginx-rtmp (the default), or an SRT or UDP
-- listener the app runs on a port of its own. A port serves one stream: SRT runs over UDP too, so
-- the two kinds share one port space. The SRT passphrase is sealed (AES-GCM) like webhook secrets:
-- the listener needs it back.
ALTER TABLE streams ADD COLUMN input_type VARCHAR(8) DEFAULT 'rtmp' NOT NULL;
ALTER TABLE streams ADD COLUMN input_port INTEGER;
ALTER TABLE streams ADD COLUMN input_group VARCHAR(45);
ALTER TABLE streams ADD COLUMN input_interface VARCHAR(32);
ALTER TABLE streams ADD COLUMN input_passphrase VARCHAR(255);
CREATE UNIQUE INDEX streams_input_port ON streams (input_port);
