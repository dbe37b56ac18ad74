import { buildApp } from './app';
import { loadConfig } from './infra/config';
import { startServices } from './infra/embedded/services';
import { openPlatform } from './platform';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from './seed';
import { AuthService } from './modules/auth/service';
import { ensureDemoWorkshop } from './seed-workshop';

const config = loadConfig();
const say = (m: string) => console.log(`[synergies] ${m}`);

const services = await startServices(config, say).catch((error: unknown) => {
  console.error(`[synergies] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const consoleLog = { info: () => undefined, warn: (o: object, m: string) => console.warn(m, o), error: (o: object, m: string) => console.error(m, o) };
const platform = await openPlatform(config, { databaseUrl: services.databaseUrl, meiliUrl: services.meiliUrl, meiliKey: services.meiliKey, log: consoleLog });
const app = await buildApp(platform.ctx);

if (config.SEED_DEMO === 'auto' && (await isEmpty(platform.ctx))) {
  say('empty database: loading the demo zone of Lons-Perrigny');
  const seeded = await seedDemo(platform.ctx);
  say(`demo zone loaded (member account of ${seeded.memberOrganisation})`);
}

// The demo zone's workshop, ready to run; a fresh room-screen link at each start.
const demoWorkshop = config.SEED_DEMO === 'auto' ? await ensureDemoWorkshop(platform.ctx, new AuthService(platform.ctx)).catch((error: unknown) => {
  console.warn('[synergies] demo workshop not prepared:', error);
  return null;
}) : null;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  await app.close().catch(() => undefined);
  await platform.close().catch(() => undefined);
  await services.stop();
  say('stopped cleanly');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.HOST, port: config.PORT });
say(`ready on ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`);
say('demo logins:');
for (const a of DEMO_ACCOUNTS) say(`  ${('label' in a ? a.label : a.role).padEnd(11)} ${a.email} / ${a.password}`);
if (demoWorkshop) {
  say('demo workshop (open them side by side):');
  say(`  console     ${demoWorkshop.console}   (animatrice)`);
  say(`  phone       ${demoWorkshop.phone}   (membre, on a phone-sized window)`);
  say(`  room screen ${demoWorkshop.screen}`);
  if (demoWorkshop.join) say(`  join link   ${demoWorkshop.join}   (another firm, no account needed)`);
}
