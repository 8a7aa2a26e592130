/** The platforms Teller speaks on. */
export type Platform = 'slack' | 'discord' | 'console';
