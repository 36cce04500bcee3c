// Background work of the app server (scheduled publishing, sending mail): Node.js only. The
// NEXT_RUNTIME check is written the way Next eliminates the import from its edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startBackgroundWork } = await import('./lib/background.ts');
    startBackgroundWork();
  }
}
