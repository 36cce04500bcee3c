// Uploads against a real S3-protocol server (s3rver, run in-process on loopback), as a school
// deployment with MASTHEAD_S3_BUCKET set would store them.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMediaFile, uploadImage } from '../../lib/media/index.ts';
import { uploadsRoot } from '../../lib/media/storage.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { seededActors } from '../factories.ts';

const directory = path.resolve('.data/test-s3');
let server: S3rver;
let endpoint: string;
let people: Awaited<ReturnType<typeof seededActors>>;
const client = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', service: 's3' });

beforeAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'masthead-media', configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    MASTHEAD_DATA_DIR: path.resolve('.data/test-s3-disk'),
    MASTHEAD_S3_BUCKET: 'masthead-media',
    MASTHEAD_S3_ENDPOINT: endpoint,
    MASTHEAD_S3_ACCESS_KEY_ID: 'S3RVER',
    MASTHEAD_S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  await seedDemo();
  people = await seededActors();
});

afterAll(async () => {
  delete process.env.MASTHEAD_S3_BUCKET;
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('S3-compatible storage', () => {
  it('with a bucket configured, every rendition goes to the store (without GPS) and none to local disk', async () => {
    const uploaded = await uploadImage(people.andrew, { bytes: await jpegWithGps(1200, 800), filename: 'bus.jpg' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    for (const name of [`${uploaded.data.id}-full.jpg`, `${uploaded.data.id}-480.jpg`, `${uploaded.data.id}-960.jpg`]) {
      const response = await client.fetch(`${endpoint}/masthead-media/${people.andrew.schoolId}/${name}`);
      expect(response.status, name).toBe(200);
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(metadata.exif, name).toBeUndefined();
    }
    expect(existsSync(path.join(uploadsRoot(), people.andrew.schoolId))).toBe(false);

    const served = await readMediaFile(people.andrew.schoolId, `${uploaded.data.id}-480.jpg`);
    expect((await sharp(served!.bytes).metadata()).width).toBe(480);
    expect(await readMediaFile(people.lincolnAdviser.schoolId, `${uploaded.data.id}-480.jpg`)).toBeNull();
  });

  it('a half-configured store fails loudly instead of writing somewhere else', async () => {
    const secret = process.env.MASTHEAD_S3_SECRET_ACCESS_KEY;
    delete process.env.MASTHEAD_S3_SECRET_ACCESS_KEY;
    process.env.MASTHEAD_S3_REGION = 'eu-west-1';
    try {
      await expect(uploadImage(people.andrew, { bytes: await jpegWithGps(300, 200), filename: 'x.jpg' })).rejects.toThrow(/MASTHEAD_S3_SECRET_ACCESS_KEY/);
    } finally {
      process.env.MASTHEAD_S3_SECRET_ACCESS_KEY = secret;
      delete process.env.MASTHEAD_S3_REGION;
    }
  });
});
