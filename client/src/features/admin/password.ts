/** The server's bounds for a password an administrator sets. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// No 0/O, 1/l/I: an initial password is often read out or copied by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random initial password (14 characters, about 81 bits), from the browser's cryptographic generator. */
export function generatePassword(length = 14): string {
  const random = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(random, (n) => ALPHABET[n % ALPHABET.length]).join('');
}
