/** An `after` trigger on one event of an entity's table: `body` is one statement, `new`/`old` its row. */
export const afterTrigger = (name: string, event: 'insert' | 'delete', body: string) => ({
  name,
  timing: 'after' as const,
  events: [event],
  body,
});
