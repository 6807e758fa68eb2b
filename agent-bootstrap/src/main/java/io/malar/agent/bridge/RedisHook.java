package io.malar.agent.bridge;

/**
 * The core's side of the Redis client advice. Connections, sockets, pipelines and transactions
 * travel as Object; a command travels as its name's raw bytes and its argument count, never its
 * arguments.
 *
 * <p>A span belongs to the outermost call on a thread: a command, a client API call or a batch.
 * Every {@code enter} method returns a token for its exit method, or null when there is nothing to
 * do on exit (an inner call, or nothing installed).
 */
public interface RedisHook {
  /** A call that runs exactly this command starts (a connection executes one command). */
  Object enterCommand(byte[] command, int argumentCount);

  /** A client API call starts; it is named after the first command it sends, if it sends any. */
  Object enterClientCall();

  /**
   * A pipeline or transaction flushes what was queued into it.
   *
   * @param operation the span's name: PIPELINE, MULTI (a transaction's EXEC) or DISCARD
   */
  Object enterBatch(Object batch, String operation);

  /** Ends what {@link #enterCommand}, {@link #enterClientCall} or {@link #enterBatch} started. */
  void exit(Object token, Throwable thrown);

  /** A command is being queued into {@code batch}, a pipeline or a transaction. */
  Object enterQueueing(Object batch);

  /** The command was queued, unless {@code thrown} is set. */
  void exitQueueing(Object token, Throwable thrown);

  /** A connection is about to write a command. */
  void commandSending(byte[] command, int argumentCount);

  /** {@code connection} wrote a command on {@code socket}, its java.net.Socket (null if none). */
  void commandSent(Object connection, Object socket);

  /** {@code connection} switched to database {@code index}. */
  void databaseSelected(Object connection, int index);
}
