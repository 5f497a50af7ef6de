-- The H.264 encoder each rendition asks for: 'auto' (the best the packager's host has, else x264),
-- 'x264', 'nvenc', 'vaapi' or 'qsv'. Existing renditions, the built-in ones among them, keep
-- encoding as before: 'auto' on a host without a GPU is x264.

ALTER TABLE ladder_renditions ADD COLUMN encoder VARCHAR(8) DEFAULT 'auto' NOT NULL;
