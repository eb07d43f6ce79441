import fs from 'node:fs';
import { type Config, parseConfig } from '../../src/config/config.ts';

/** The one place podgrep reads its environment: `.env` in the working folder first, then the real environment wins. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && fs.existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(env);
}
