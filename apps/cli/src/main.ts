#!/usr/bin/env node
import { createProgram } from './program.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(createProgram(), process.argv);
