// Runs the local OpenID provider (scripts/lib/oidc-provider.mjs) as a process of its own, for the API tests (jest
// cannot load the ESM-only provider in its module system). Settings as JSON in OIDC_LOCAL: { port, clients,
// accounts, testControls }. Prints one line, {"issuer": "..."}, once it listens; stops on SIGTERM.
import { startLocalOidcProvider } from './lib/oidc-provider.mjs';

const settings = JSON.parse(process.env.OIDC_LOCAL ?? '{}');
const provider = await startLocalOidcProvider({ clients: [], ...settings });
process.stdout.write(`${JSON.stringify({ issuer: provider.issuer })}\n`);
const stop = () => provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
