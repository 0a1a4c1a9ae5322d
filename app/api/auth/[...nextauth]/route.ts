import { authRouteHandlers } from '@/lib/auth/session';

export const { GET, POST } = authRouteHandlers;
