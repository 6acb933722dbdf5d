export * from './decide';
export * from './owner-check';
export * from './state';
