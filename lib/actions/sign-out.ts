'use server';

import { signOutToSignIn } from '@/lib/auth/session';

export async function signOutAction(): Promise<void> {
  await signOutToSignIn();
}
