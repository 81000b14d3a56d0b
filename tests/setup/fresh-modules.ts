/**
 * Vitest setup, run before each test file (vitest.config.ts). The files of a fork share one
 * process (`isolate: false`: a process per file cost ~0.6 s each, 169 files), so before a file
 * runs, the module registry is reset: every source module the file imports is evaluated afresh —
 * no module-level state (caches, registries, counters) is carried from one file to the next.
 * Only node_modules packages (stateless libraries, loaded by Node) stay loaded.
 */
import { vi } from 'vitest';

vi.resetModules();
