'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { createCustomerAccount } from '@/lib/data/accounts';

const signUpInput = z.object({
  organisation: z.string().trim().min(2).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
  password: z.string().min(12).max(200),
});

/** What was typed, so that a refused form loses nothing but the password. */
export type SignUpValues = Partial<Record<'organisation' | 'domain' | 'name' | 'email', string>>;

export type SignUpState =
  | { status: 'idle' }
  | { status: 'invalid'; fields: Partial<Record<keyof z.infer<typeof signUpInput>, boolean>>; values: SignUpValues }
  | { status: 'taken'; what: 'email' | 'domain'; values: SignUpValues };

/** Creates a customer organisation and its administrator, signs them in, and goes back where they were. */
export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values: SignUpValues = Object.fromEntries(['organisation', 'domain', 'name', 'email'].map((k) => [k, String(form.get(k) ?? '')]));
  const input = signUpInput.safeParse({ ...values, password: form.get('password') ?? '' });
  if (!input.success) {
    const errors = z.flattenError(input.error).fieldErrors;
    return { status: 'invalid', fields: Object.fromEntries(Object.keys(errors).map((k) => [k, true])), values };
  }
  const created = await createCustomerAccount(input.data);
  if (!created.ok) return { status: 'taken', what: created.taken, values };
  try {
    await signIn('credentials', {
      email: input.data.email,
      password: input.data.password,
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof AuthError) return { status: 'invalid', fields: {}, values };
    throw error;
  }
  return { status: 'idle' };
}
