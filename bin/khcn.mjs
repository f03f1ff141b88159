#!/usr/bin/env node
// The khcn command. TypeScript runs directly through tsx: no build step between the source and the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
