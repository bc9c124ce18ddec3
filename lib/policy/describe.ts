/** How messages refer to a school's policy. */

/** "Bentley New Village Primary School's policy"; "The school's policy" where the name is a policy's title. */
export function policyOf(name: string): string {
  return /\bpolicy\b/i.test(name) ? "The school's policy" : `${name}'s policy`;
}
