'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getActor, isPartnerActor } from '@/lib/auth/actor';
import { cancelInvitation, createInvitation, regenerateRelationshipLink } from '@/lib/data/relationships';

export type LinkActionResult = { ok: true } | { ok: false; reason: 'forbidden' };

/** A new relationship link: the old one stops working. */
export async function regenerateLinkAction(): Promise<LinkActionResult> {
  const actor = await getActor();
  if (!isPartnerActor(actor)) return { ok: false, reason: 'forbidden' };
  const link = await regenerateRelationshipLink(actor);
  if (!link) return { ok: false, reason: 'forbidden' };
  revalidatePath('/relationships');
  return { ok: true };
}

const invitationInput = z.object({
  organisationName: z.string().trim().min(2).max(200),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
});

export type InvitationState =
  | { status: 'idle' }
  | { status: 'invalid'; fields: { organisationName?: boolean; adminEmail?: boolean }; values: { organisationName: string; adminEmail: string } }
  | { status: 'forbidden' }
  | { status: 'created'; organisationName: string };

export async function createInvitationAction(_previous: InvitationState, form: FormData): Promise<InvitationState> {
  const actor = await getActor();
  if (!isPartnerActor(actor)) return { status: 'forbidden' };
  const values = { organisationName: String(form.get('organisationName') ?? ''), adminEmail: String(form.get('adminEmail') ?? '') };
  const input = invitationInput.safeParse(values);
  if (!input.success) {
    const fields = z.flattenError(input.error).fieldErrors;
    return { status: 'invalid', fields: { organisationName: !!fields.organisationName, adminEmail: !!fields.adminEmail }, values };
  }
  const created = await createInvitation(actor, input.data);
  if (!created) return { status: 'forbidden' };
  revalidatePath('/relationships');
  return { status: 'created', organisationName: input.data.organisationName };
}

export async function cancelInvitationAction(invitationId: string): Promise<{ ok: boolean }> {
  const actor = await getActor();
  if (!isPartnerActor(actor) || typeof invitationId !== 'string') return { ok: false };
  const ok = await cancelInvitation(actor, invitationId);
  revalidatePath('/relationships');
  return { ok };
}
