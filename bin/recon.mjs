#!/usr/bin/env node
// Launcher for the `recon` CLI: runs the TypeScript source through tsx, so `npm ci` is the only build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli.ts');
