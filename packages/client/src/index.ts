export * from './HubClient.js';
export * from './requestIds.js';
export * from './tokenStore.js';
export * from './react.js';
