// What the election contract scenario needs from a platform: type a command as a member, vote through
// the platform's own ballot UI, and read back what members see (their DMs, the election channel). Every
// answer is already normalised (normalise.ts), so the scenario and its comparison are platform-neutral.
//
// Members are named in lower case ('alice'); each driver maps names to its platform's ids and shows
// each member under that name, so mentions and display names normalise to the same '@alice' / 'alice'.

export interface ElectionDriver {
  /** 'console', 'slack over HTTP', ... */
  readonly name: string;
  /**
   * What `actor` typed after /election ('roll add 1 @alice @bob'), as the actor sees the answer.
   * Everything the command queued (DMs, channel posts) is delivered before this resolves.
   */
  run(actor: string, commandText: string): Promise<string>;
  /**
   * Open the ballot from the Vote button in the actor's ballot DM, mark these candidates (by name),
   * submit; the answer is what the ballot shows afterwards. Delivers what the cast queued.
   */
  vote(actor: string, election: string, selection: string[]): Promise<string>;
  /** the DMs Teller sent `member`, oldest first, each as it reads now (an edited DM shows its edit) */
  dmsOf(member: string): Promise<string[]>;
  /** Teller's posts in the election channel, oldest first, each as it reads now */
  channelPosts(): Promise<string[]>;
  /** what the core logged as errors (bugs, infrastructure failures); a clean run has none */
  errors(): string[];
  stop(): Promise<void>;
}

/** Starts one transport against a fresh real core; each transport's file exports one of these. */
export type StartDriver = () => Promise<ElectionDriver>;
