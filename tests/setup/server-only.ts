// Vitest stands in for the server here: `import 'server-only'` guards Next's client bundles, and the
// package itself throws outside React's server condition, which a plain Node test process is not.
export {};
