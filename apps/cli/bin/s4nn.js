#!/usr/bin/env node
// The installed `s4nn` command. It lives outside dist/ so that npm can link it at install time,
// before the first build has produced dist/main.js.
try {
  await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) {
    throw error;
  }
  console.error('s4nn: the command is not built yet; run `npm run build` at the repository root');
  process.exitCode = 1;
}
