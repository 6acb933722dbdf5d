export * from './decide';
export * from './state';
