/**
 * Makes `work` run once however often the returned close is called, and calls it on SIGTERM and
 * SIGINT, then exits (0 when it finished, 1 when it failed): the graceful stop of `serve` and
 * `worker`.
 */
export function closeOnSignals(work: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= work();
    return closing;
  };
  const onSignal = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return close;
}
