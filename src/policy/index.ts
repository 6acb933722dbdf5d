export * from './due-actions';
export * from './execute-actions';
export * from './policy-command-ids';
export * from './policy-process';
export * from './policy-state';
export * from './report-text';
export * from './run-policy';
export * from './scheduler';
