/** Platforms reject texts over a field's limit; cut with an ellipsis rather than fail the whole message. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
