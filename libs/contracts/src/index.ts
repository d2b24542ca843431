export * from './lib/roles';
export * from './lib/api';
