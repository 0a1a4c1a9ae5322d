/**
 * Which errors Auth.js reports are expected outcomes of signing in (a wrong
 * password, too many attempts), answered on the sign-in page and not worth a
 * stack trace in the log. Auth.js marks them with `type: 'CredentialsSignin'`,
 * a string set from the class (and kept by subclasses), so the test still
 * holds in the production build, where class names are minified.
 */
export function isExpectedSignInFailure(error: Error): boolean {
  return 'type' in error && error.type === 'CredentialsSignin';
}
