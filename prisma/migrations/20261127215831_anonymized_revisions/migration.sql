-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'ANONYMIZED';
