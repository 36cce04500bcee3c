-- Audio uploads (lib/media/audio.ts): how long each recording runs, in seconds, as the podcast
-- feed and the player's label give it. Null for pictures.
ALTER TABLE "media" ADD COLUMN "duration" DOUBLE PRECISION;
