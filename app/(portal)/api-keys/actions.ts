'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { agentAction, agentFormAction } from '@/lib/actions/action';
import { API_SCOPES } from '@/lib/auth/permissions';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';

const newKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  // Every scope unless narrowed: the boxes are ticked when the form opens.
  scopes: z.array(z.enum(API_SCOPES)).min(1),
});

/** A new API key, shown this once. */
export const createApiKeyAction = agentFormAction({
  fields: ['name'],
  more: (form) => ({ scopes: form.getAll('scopes') }),
  input: newKeyInput,
  permission: 'api-keys:manage',
  run: async (input, principal) => {
    const created = await createApiKey(principal, input);
    revalidatePath('/api-keys');
    return { name: input.name, key: created.key, scopes: input.scopes };
  },
});

export const revokeApiKeyAction = agentAction({
  input: z.object({ id: z.string().min(1).max(64) }),
  permission: 'api-keys:manage',
  run: async ({ id }, principal) => {
    await revokeApiKey(principal, id);
    revalidatePath('/api-keys');
    return null;
  },
});
