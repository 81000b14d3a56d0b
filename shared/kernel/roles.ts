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

/** Chinese names of the roles, for refusals and the UI. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: '只读',
  officer: '值班员',
  commander: '指挥长',
  admin: '管理员',
};
