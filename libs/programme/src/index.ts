export * from './lib/template';
export * from './lib/months';
export * from './lib/eligibility';
export * from './lib/default-template';
export * from './lib/validation';
export * from './lib/schedule';
export * from './lib/booking';
