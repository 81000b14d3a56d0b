/** The lazy entry of 党员接单 (boot.tsx loads it only for a member account, in its own chunk). */
export { MemberHome } from './MemberHome';
