/** auth strings, English: the same keys as messages.zh.ts. */
import type { Catalogue } from '../../platform/i18n/catalogue';
import type { authZh } from './messages.zh';

export const authEn: Catalogue<typeof authZh> = {
  auth: {
    loginTitle: 'Sign in',
    setupTitle: 'Create the administrator account',
    setupHint:
      'First start: create the administrator account. The administrator then creates accounts for duty officers, commanders and committee members.',
    username: 'User name',
    displayName: 'Full name',
    password: 'Password',
    passwordAgain: 'Password again',
    submitLogin: 'Sign in',
    submitSetup: 'Create and sign in',
    working: 'Please wait…',
    logout: 'Sign out',
    currentUser: 'Signed in as',
    badLogin: 'Wrong user name or password',
    disabled: 'This account is disabled; contact the administrator',
    needUsername: 'Enter the user name',
    needPassword: 'Enter the password',
    needDisplayName: 'Enter the full name',
    usernameFormat: 'User name: 2–32 letters, digits, dots, underscores or hyphens',
    passwordShort: 'The password needs at least 8 characters',
    passwordMismatch: 'The two passwords differ',
    alreadySetUp: 'The administrator account exists already; please sign in',
    statusFailed: 'Cannot reach the command hall service',
    setupLocalOnly: 'The first administrator can only be created on the computer that runs the hall',
    wallHint:
      'Sign in on a wall with a read-only (committee/wall) account: a wall shows only masked data and cannot change anything.',
    passwordRule: {
      short: 'The password needs at least 8 characters',
      long: 'The password may have at most 256 characters',
      control: 'The password may not contain control characters (NUL, tab, line break)',
      blank: 'The password may not be only spaces',
      classes: 'Use at least two of: letters, digits, symbols',
      distinct: 'Use at least 4 different characters',
      common: 'This password is too common; choose another',
      username: 'The password may not be the user name, or the user name with only digits or symbols added',
    },
  },
};
