/** audit.*: the admin's audit log and its hash chain; the gate's generic audits. */
import type { HandlerRegistry } from '../../runtime/registry';
import { auditList, auditStatus, auditVerify } from './audit';

export {
  auditMutation,
  personalReadEntry,
  recordPersonalRead,
  startAuditCheck,
  summarizeInput,
} from './audit';

export function register(registry: HandlerRegistry): void {
  registry
    .register('audit.list', auditList)
    .register('audit.status', auditStatus)
    .register('audit.verify', auditVerify);
}
