package io.malar.agent.bridge;

/**
 * The core's side of the advice of Redis clients that write a command on one thread and complete
 * it on another (Lettuce: the application's thread dispatches, Netty's event loop writes and reads
 * the reply). A command travels as Object and is the key of its span from dispatch to completion;
 * its name travels as raw bytes with its argument count, never its arguments.
 */
public interface AsyncRedisHook {
  /** A reactive command was assembled on this thread, to be dispatched later, maybe elsewhere. */
  void commandAssembled(Object command);

  /** The application's thread hands {@code command} to the client: the span's parent is chosen now. */
  void commandDispatched(Object command, byte[] name, int argumentCount);

  /**
   * {@code command} is written on {@code connection} to {@code remoteAddress} (a SocketAddress, or
   * null); {@code selectedDatabase} is the index a SELECT switches to, or -1 for other commands.
   */
  void commandWritten(Object command, Object connection, Object remoteAddress, int selectedDatabase);

  /** The reply arrived ({@code failure} null) or the command failed: the span ends. */
  void commandCompleted(Object command, Throwable failure);

  /**
   * The dispatching thread starts waiting for {@code command}'s reply: returns a token for {@link
   * #awaitEnded} when that thread is to end the span itself, so a slow command's application frame
   * is on its stack; null when there is nothing to do (not traced, or completed already).
   */
  Object awaitStarted(Object command);

  /** The wait that {@link #awaitStarted} announced is over, by return or {@code thrown}. */
  void awaitEnded(Object token, Throwable thrown);

  /** The caller gave up on the command (a cancelled future or subscription): the span ends. */
  void commandCancelled(Object command);

  /**
   * {@code command}'s future or subscriber is about to learn its outcome, on whatever thread:
   * returns a token for {@link #callbacksDone} when the context of the dispatch was made current
   * for the callbacks (so a command they dispatch has the same parent), else null.
   */
  Object callbacksStarting(Object command);

  /** The callbacks that {@link #callbacksStarting} announced have run: the context is restored. */
  void callbacksDone(Object token);

  /** A client class of the library was loaded by a class loader; the hook checks its version. */
  void clientLoaded(Class<?> clientClass);
}
