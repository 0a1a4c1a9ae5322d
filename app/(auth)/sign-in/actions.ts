'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

export interface SignInState {
  failed: boolean;
  /** Too many attempts for this email: wait before trying again. */
  throttled?: boolean;
  /** What was typed, so that a failed attempt loses nothing but the password. */
  email?: string;
}

/** Signs in with email and password; on failure the form says so, without telling which was wrong. */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
    return { failed: false };
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = error instanceof CredentialsSignin && error.code === 'too-many-attempts';
      return { failed: true, throttled, email: String(form.get('email') ?? '') };
    }
    throw error;
  }
}
