-- Sports (lib/sports): the school's teams, and each season's games with results and their stories.
CREATE TYPE "GameSite" AS ENUM ('HOME', 'AWAY', 'NEUTRAL');
CREATE TYPE "GameStatus" AS ENUM ('SCHEDULED', 'FINAL', 'POSTPONED', 'CANCELED');

CREATE TABLE "teams" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "sport" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "teams_schoolId_slug_key" ON "teams"("schoolId", "slug");
CREATE UNIQUE INDEX "teams_schoolId_id_key" ON "teams"("schoolId", "id");
ALTER TABLE "teams" ADD CONSTRAINT "teams_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "games" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "season" TEXT NOT NULL,
    "opponent" TEXT NOT NULL,
    "site" "GameSite" NOT NULL DEFAULT 'HOME',
    "location" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "status" "GameStatus" NOT NULL DEFAULT 'SCHEDULED',
    "ourScore" INTEGER,
    "theirScore" INTEGER,
    "articleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "games_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "games_schoolId_startsAt_idx" ON "games"("schoolId", "startsAt");
CREATE INDEX "games_schoolId_teamId_season_startsAt_idx" ON "games"("schoolId", "teamId", "season", "startsAt");
ALTER TABLE "games" ADD CONSTRAINT "games_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "games" ADD CONSTRAINT "games_schoolId_teamId_fkey" FOREIGN KEY ("schoolId", "teamId") REFERENCES "teams"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "games" ADD CONSTRAINT "games_schoolId_articleId_fkey" FOREIGN KEY ("schoolId", "articleId") REFERENCES "articles"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

SELECT masthead_guard_tenant_table('"teams"');
SELECT masthead_guard_tenant_table('"games"');
