export * from './lib/roles';
export * from './lib/api';
export * from './lib/competencies';
export * from './lib/month-six';
export * from './lib/reports';
export * from './lib/privacy';
export * from './lib/retention';
export * from './lib/national';
