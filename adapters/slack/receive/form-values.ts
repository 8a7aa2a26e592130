// A submitted command form -> named arguments for dispatch. Values are strings, as buttons' are;
// the core's schema parses them exactly as it parses typed text.

interface InputState {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_channel?: string | null;
  selected_option?: { value: string } | null;
}

export function readFormArgs(values: Record<string, Record<string, InputState>>): Record<string, string> {
  const args: Record<string, string> = {};
  for (const [name, actions] of Object.entries(values)) {
    const state = Object.values(actions)[0];
    if (!state) continue;
    const value =
      state.selected_user ??
      (state.selected_users?.length ? state.selected_users.join(' ') : undefined) ??
      state.selected_conversation ??
      state.selected_channel ??
      state.selected_option?.value ??
      state.value;
    if (value !== undefined && value !== null && value !== '') args[name] = value;
  }
  return args;
}
