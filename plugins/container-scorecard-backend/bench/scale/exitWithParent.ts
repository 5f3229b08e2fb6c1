/*
 * Imported first by the readers phase's child processes (readerServer.ts, catalogServer.ts):
 * their parent holds their standard input as a pipe, and when that pipe closes the parent is
 * gone, however it ended (even SIGKILL, which runs none of its exit handlers). The child then
 * exits rather than listen on as an orphan. Imported before anything heavy, so it holds during
 * the seconds a child spends loading too.
 */
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();

export {};
