export * from './spec/network-spec.js';
