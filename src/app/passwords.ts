import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../domain/errors.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** A password must be at least 12 characters (NCSC guidance: length over complexity). */
export function checkPasswordStrength(password: string, field = 'newPassword'): void {
  if (password.length < 12) throw invalid(field, 'Password must be at least 12 characters');
  if (password.length > 200) throw invalid(field, 'Password must be at most 200 characters');
}
