/** Who may do what: the roles, their order and their Chinese names. */

export const ROLES = ['viewer', 'officer', 'commander', 'admin'] as const;
/** viewer 委员会/大屏只读 · officer 值班员 · commander 值班长/指挥长 · admin 管理员 */
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Permissions an account may be given beside its role (an admin grants them). */
export const PERMISSIONS = ['verify'] as const;
export type Permission = (typeof PERMISSIONS)[number];
/** Chinese names of the permissions, for refusals and the account form. */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = { verify: '核查结案' };
/** Roles that have every permission with their role. */
export const ALL_PERMISSIONS_FROM: Role = 'commander';

export function isPermission(v: unknown): v is Permission {
  return typeof v === 'string' && (PERMISSIONS as readonly string[]).includes(v);
}

/** Chinese names of the roles, for refusals and the UI. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: '只读',
  officer: '值班员',
  commander: '指挥长',
  admin: '管理员',
};
