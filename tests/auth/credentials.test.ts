import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password.ts';
import { verifyCredentials } from '../../lib/auth/credentials.ts';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed.ts';

describe('passwords', () => {
  it('hash with a fresh salt and verify only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('sign-in credentials', () => {
  beforeAll(async () => {
    await seedDemo();
  });

  it('accept a demo account, whatever the case of the e-mail', async () => {
    expect(await verifyCredentials({ email: 'Adviser@CanyonCrest.example', password: DEMO_PASSWORD })).toMatchObject({ email: 'adviser@canyoncrest.example', name: 'Elena Park' });
  });

  it('refuse a wrong password, an unknown e-mail and malformed input alike', async () => {
    expect(await verifyCredentials({ email: 'adviser@canyoncrest.example', password: 'wrong' })).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@example.org', password: DEMO_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: 'not an email', password: '' })).toBeNull();
    expect(await verifyCredentials(null)).toBeNull();
  });
});
