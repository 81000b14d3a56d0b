/** system.*: what the status bar shows, and the admin's online backups. */
import type { HandlerRegistry } from '../../runtime/registry';
import { systemBackup, systemBackups, systemInfo } from './system';

export function register(registry: HandlerRegistry): void {
  registry
    .register('system.info', systemInfo)
    .register('system.backup', systemBackup)
    .register('system.backups', systemBackups);
}
