'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getActor, isPartnerActor } from '@/lib/auth/actor';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';

export type CreateKeyState =
  | { status: 'idle' }
  | { status: 'invalid' }
  | { status: 'forbidden' }
  | { status: 'created'; name: string; key: string };

const nameInput = z.string().trim().min(1).max(100);

/** A new API key, shown this once. Admin agents only. */
export async function createApiKeyAction(_previous: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const actor = await getActor();
  if (!isPartnerActor(actor) || actor.role !== 'PARTNER_ADMIN') return { status: 'forbidden' };
  const name = nameInput.safeParse(form.get('name'));
  if (!name.success) return { status: 'invalid' };
  const created = await createApiKey(actor, name.data);
  if (!created) return { status: 'forbidden' };
  revalidatePath('/api-keys');
  return { status: 'created', name: name.data, key: created.key };
}

export async function revokeApiKeyAction(id: string): Promise<{ ok: boolean }> {
  const actor = await getActor();
  if (!isPartnerActor(actor) || typeof id !== 'string') return { ok: false };
  const ok = await revokeApiKey(actor, id);
  revalidatePath('/api-keys');
  return { ok };
}
