import { dropDatabase } from '../../../../scripts/lib/postgres.mjs';

export default async function globalTeardown() {
  const state = globalThis.__API_E2E__;
  if (!state) return;
  if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(state.url);
  await state.server.stop();
}
