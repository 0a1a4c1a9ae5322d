/**
 * Runs once as the server starts (`npm start`, `next dev`), before it
 * answers anyone: checks every setting, and stops the server with a bad one
 * or, in production, without AUTH_SECRET; then brings the embedded database
 * up to date with the committed migrations. So `npm start` needs nothing but
 * the production install.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { InvalidEnvironment, serverEnv } = await import('@/lib/env');
    const { describeDatabase, migrate } = await import('@/lib/db/migrate');
    let url: string;
    try {
      url = serverEnv().DATABASE_URL;
    } catch (error) {
      if (!(error instanceof InvalidEnvironment)) throw error;
      console.error(error.message);
      process.exit(1);
    }
    const where = describeDatabase(url);
    const { applied, notes } = await migrate(url);
    // eslint-disable-next-line no-console -- whoever starts the server sees what it changed in the database
    for (const name of applied) console.info(`Database ${where}: applied migration ${name}`);
    for (const note of notes) console.warn(`Database ${where}: ${note}`);
  }
}
