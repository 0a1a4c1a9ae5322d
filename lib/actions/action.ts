/**
 * The door of every server action: who is asking → parse the input with
 * zod → may they? → (for a customer) resolve the customer scope → call the
 * service → one result shape. An action cannot skip a step: it only gets the
 * principal, the scope and the parsed input from here.
 */
import 'server-only';
import { z } from 'zod';
import { getSignedIn, isAgent, isCustomerAdmin, type CustomerAdmin, type SignedIn } from '@/lib/auth/actor';
import { can, type AgentPrincipal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/permissions';
import { requireCustomerScope, type CustomerScope } from '@/lib/data/scope';
import { isStorageUnavailable } from '@/lib/db/errors';
import { AppError, isAppError } from '@/lib/errors';
import type { ActionResult } from './result';

type Input = z.ZodType<unknown>;

/** The parsed input, or AppError('INVALID_INPUT') naming the refused fields. */
function parse<S extends Input>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')).filter(Boolean))];
  // A rule of the portal's own (a password's, say) names its problem: the page says which.
  const reason = parsed.error.issues.find((i) => i.code === 'custom')?.message;
  throw new AppError('INVALID_INPUT', 'The input does not match its schema.', { fields, ...(reason && { reason }) });
}

/** Runs a step and turns the services' expected failures into the one result shape. */
async function answer<T>(run: () => Promise<T>, values?: Record<string, string>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    // The database refused to store anything (full, read-only, busy): the page says so and keeps what was sent.
    if (isStorageUnavailable(error)) return { ok: false, error: { code: 'UNAVAILABLE' }, ...(values && { values }) };
    if (!isAppError(error)) throw error;
    const { code, details } = error;
    return { ok: false, error: { code, ...details }, ...(values && { values }) };
  }
}

async function agentWith(permission: Permission): Promise<AgentPrincipal> {
  const who = await getSignedIn();
  if (!who) throw new AppError('UNAUTHENTICATED');
  if (!isAgent(who) || !can(who, permission)) throw new AppError('FORBIDDEN');
  return who;
}

async function customerAdmin(): Promise<CustomerAdmin> {
  const who = await getSignedIn();
  if (!who) throw new AppError('UNAUTHENTICATED');
  if (!isCustomerAdmin(who)) throw new AppError('FORBIDDEN');
  return who;
}

/** An action of a partner's agent holding `permission`. */
export function agentAction<S extends Input, T>(definition: {
  input: S;
  permission: Permission;
  run: (input: z.infer<S>, principal: AgentPrincipal) => Promise<T>;
}) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    answer(async () => {
      const principal = await agentWith(definition.permission);
      return definition.run(parse(definition.input, raw), principal);
    });
}

/** An action of a partner's agent for one customer: the input names it, the scope is resolved here. */
export function customerAction<S extends z.ZodType<{ customerId: string }>, T>(definition: {
  input: S;
  permission: Permission;
  run: (input: z.infer<S>, scope: CustomerScope) => Promise<T>;
}) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    answer(async () => {
      const principal = await agentWith(definition.permission);
      const input = parse(definition.input, raw);
      return definition.run(input, await requireCustomerScope(principal, input.customerId));
    });
}

/** An action of a customer organisation's administrator. */
export function customerAdminAction<S extends Input, T>(definition: { input: S; run: (input: z.infer<S>, admin: CustomerAdmin) => Promise<T> }) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    answer(async () => {
      const admin = await customerAdmin();
      return definition.run(parse(definition.input, raw), admin);
    });
}

/** The named fields of a form, as text: what is parsed, and what is given back when refused. */
export function formValues(form: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof form.get(f) === 'string' ? (form.get(f) as string) : '']));
}

/**
 * A form's action (for `useActionState`), of an agent holding `permission`:
 * a refused form gets back what was typed in `fields`.
 */
export function agentFormAction<S extends Input, T>(definition: {
  fields: readonly string[];
  /** What else the form carries that is not text given back (several checkboxes of one name, say). */
  more?: (form: FormData) => Record<string, unknown>;
  input: S;
  permission: Permission;
  run: (input: z.infer<S>, principal: AgentPrincipal) => Promise<T>;
}) {
  return (_previous: unknown, form: FormData): Promise<ActionResult<T>> => {
    const values = formValues(form, definition.fields);
    return answer(async () => {
      const principal = await agentWith(definition.permission);
      return definition.run(parse(definition.input, { ...values, ...definition.more?.(form) }), principal);
    }, values);
  };
}

/** A form's action open to anyone (sign-in, sign-up): input parsed, one result shape. */
export function publicFormAction<S extends Input, T>(definition: {
  fields: readonly string[];
  /** Fields read but never given back (passwords). */
  secretFields?: readonly string[];
  input: S;
  run: (input: z.infer<S>, form: FormData) => Promise<T>;
}) {
  return (_previous: unknown, form: FormData): Promise<ActionResult<T>> => {
    const values = formValues(form, definition.fields);
    const secrets = formValues(form, definition.secretFields ?? []);
    return answer(async () => definition.run(parse(definition.input, { ...values, ...secrets }), form), values);
  };
}

/** A form's action of a customer administrator. */
export function customerAdminFormAction<S extends Input, T>(definition: {
  fields: readonly string[];
  input: S;
  run: (input: z.infer<S>, admin: CustomerAdmin) => Promise<T>;
}) {
  return (_previous: unknown, form: FormData): Promise<ActionResult<T>> => {
    const values = formValues(form, definition.fields);
    return answer(async () => definition.run(parse(definition.input, values), await customerAdmin()), values);
  };
}

async function signedIn(): Promise<SignedIn> {
  const who = await getSignedIn();
  if (!who) throw new AppError('UNAUTHENTICATED');
  return who;
}

/** An action of anyone signed in (their account, say): the service decides what they may do. */
export function signedInAction<S extends Input, T>(definition: { input: S; run: (input: z.infer<S>, who: SignedIn) => Promise<T> }) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    answer(async () => {
      const who = await signedIn();
      return definition.run(parse(definition.input, raw), who);
    });
}

/** A form's action of anyone signed in; passwords in `secretFields` are never given back. */
export function signedInFormAction<S extends Input, T>(definition: {
  fields: readonly string[];
  secretFields?: readonly string[];
  input: S;
  run: (input: z.infer<S>, who: SignedIn) => Promise<T>;
}) {
  return (_previous: unknown, form: FormData): Promise<ActionResult<T>> => {
    const values = formValues(form, definition.fields);
    const secrets = formValues(form, definition.secretFields ?? []);
    return answer(async () => {
      const who = await signedIn();
      return definition.run(parse(definition.input, { ...values, ...secrets }), who);
    }, values);
  };
}
