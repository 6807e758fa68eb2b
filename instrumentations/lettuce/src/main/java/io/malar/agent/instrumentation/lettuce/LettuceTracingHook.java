package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.bridge.AsyncRedisHook;
import io.malar.agent.core.redis.RedisCommandText;
import io.malar.agent.core.redis.RedisSpans;
import io.malar.agent.core.util.WeakIdentityMap;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.SocketAddress;
import java.util.function.Function;

/**
 * One CLIENT span per Lettuce command, keyed by the command object. The parent is the context
 * current on the application's thread when it dispatched the command; a reactive command
 * dispatched on a thread without a span (a scheduler's worker) takes the context in which it was
 * assembled. The span starts when the command is written and ends on its completion, whichever
 * threads those are, or, when the dispatching thread waits for the reply (the sync API), on that
 * thread once it has it: there a slow command's application frame is on the stack. The span is
 * never made current, since nothing runs inside it; the parent is current while the command's
 * future or subscriber runs its callbacks, so a command dispatched from them, on the event loop,
 * is the first one's sibling.
 */
final class LettuceTracingHook implements AsyncRedisHook {
  /** The event of a span whose caller gave up before the reply: it ends then. */
  static final String CANCELLED = "cancelled";

  private final Tracer tracer;
  private final WeakIdentityMap<Object, CommandCall> calls = new WeakIdentityMap<>();
  private final WeakIdentityMap<Object, Context> assembledIn = new WeakIdentityMap<>();
  private final ConnectionDatabases databases = new ConnectionDatabases();
  private final VersionCheck versions = new VersionCheck();
  private final Function<CommandCall, Span> starter = this::start;

  LettuceTracingHook(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public void commandAssembled(Object command) {
    Context current = Context.current();
    if (hasSpan(current)) {
      assembledIn.put(command, current);
    }
  }

  @Override
  public void commandDispatched(Object command, byte[] name, int argumentCount) {
    if (calls.get(command) != null) {
      // an override's dispatch calling its super: the outermost one chose the parent
      return;
    }
    Context parent = Context.current();
    Context assembly = assembledIn.remove(command);
    if (assembly != null && !hasSpan(parent)) {
      parent = assembly;
    }
    calls.put(command, new CommandCall(parent, RedisCommandText.name(name), argumentCount));
  }

  @Override
  public void commandWritten(Object command, Object connection, Object remoteAddress, int selectedDatabase) {
    CommandCall call = calls.get(command);
    if (call != null) {
      Span span = call.written(starter);
      if (span != null) {
        RedisSpans.server(span, remoteAddress instanceof SocketAddress ? (SocketAddress) remoteAddress : null);
        // before this command's own SELECT takes effect
        RedisSpans.database(span, databases.of(connection));
      }
    }
    if (selectedDatabase >= 0) {
      databases.selected(connection, selectedDatabase);
    }
  }

  @Override
  public void commandCompleted(Object command, Throwable failure) {
    complete(command, failure, false);
  }

  /** Not an error: a caller may stop listening on purpose (a reactive take(1), a timeout it handles). */
  @Override
  public void commandCancelled(Object command) {
    complete(command, null, true);
  }

  @Override
  public Object awaitStarted(Object command) {
    CommandCall call = calls.get(command);
    return call != null && call.awaitedByCaller() ? call : null;
  }

  @Override
  public void awaitEnded(Object token, Throwable thrown) {
    CommandCall call = (CommandCall) token;
    Span span = call.awaitEnded(starter, thrown == null);
    if (span != null) {
      // a wait that timed out cancelled the command and threw why
      Throwable failure = call.failure();
      end(span, failure == null && call.cancelled() ? thrown : failure, call.cancelled());
    }
  }

  @Override
  public Object callbacksStarting(Object command) {
    CommandCall call = calls.get(command);
    if (call == null || !hasSpan(call.parent) || Context.current() == call.parent) {
      return null;
    }
    return call.parent.makeCurrent();
  }

  @Override
  public void callbacksDone(Object token) {
    ((Scope) token).close();
  }

  @Override
  public void clientLoaded(Class<?> clientClass) {
    versions.clientLoaded(clientClass);
  }

  private void complete(Object command, Throwable failure, boolean cancelled) {
    CommandCall call = calls.remove(command);
    Span span = call == null ? null : call.completed(starter, failure, cancelled);
    if (span != null) {
      end(span, failure, cancelled);
    }
  }

  private static void end(Span span, Throwable failure, boolean cancelled) {
    if (failure != null) {
      RedisSpans.failed(span, failure);
    }
    if (cancelled) {
      span.addEvent(CANCELLED);
    }
    span.end();
  }

  private Span start(CommandCall call) {
    return RedisSpans.command(tracer, call.name, call.argumentCount).setParent(call.parent).startSpan();
  }

  private static boolean hasSpan(Context context) {
    return Span.fromContext(context).getSpanContext().isValid();
  }
}
