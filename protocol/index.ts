export * from './domain.js';
export * from './errors.js';
export * from './events.js';
export * from './identity.js';
