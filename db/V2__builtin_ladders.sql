-- The two ladders every installation has: a three-rung 720p/480p/360p ABR ladder, and the source
-- copied as is (no re-encode) for streams that must cost next to nothing.
INSERT INTO ladders (name, built_in, passthrough, created_at, version)
VALUES ('default', TRUE, FALSE, CURRENT_TIMESTAMP, 1),
       ('passthrough', TRUE, TRUE, CURRENT_TIMESTAMP, 1);

INSERT INTO ladder_renditions (ladder_name, position, name, width, height, video_kbps, audio_kbps, max_fps, profile, preset)
VALUES ('default', 0, '720p', 1280, 720, 3000, 128, 30, 'high', 'veryfast'),
       ('default', 1, '480p', 854, 480, 1400, 128, 30, 'main', 'veryfast'),
       ('default', 2, '360p', 640, 360, 800, 96, 30, 'main', 'veryfast');
