export * from './lockdown.js';
