import { loadConfig } from './config';

describe('loadConfig', () => {
  it('names every missing setting in one message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Missing configuration: DATABASE_URL (a PostgreSQL connection URL); JWT_SECRET (required in production)',
    );
  });

  it('uses a development secret outside production and the default port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x' });
    expect(config.port).toBe(3000);
    expect(config.jwtSecret).toMatch(/development/);
    expect(config.seedDemoData).toBe(false);
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', PORT: 'eighty' })).toThrow(
      'PORT must be a port number',
    );
  });
});
