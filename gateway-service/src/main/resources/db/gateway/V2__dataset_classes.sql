-- An image-folder dataset's classes (sorted folder names with their image counts); empty for other formats.
ALTER TABLE dataset ADD COLUMN classes jsonb NOT NULL DEFAULT '[]';
