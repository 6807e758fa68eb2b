package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.bridge.AsyncRedisHook;
import io.malar.agent.core.redis.RedisCommandText;
import io.malar.agent.core.redis.RedisSpans;
import io.malar.agent.core.util.WeakIdentityMap;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.net.SocketAddress;
import java.util.function.Function;

/**
 * One CLIENT span per Lettuce command, keyed by the command object. The parent is the context
 * current on the application's thread when it dispatched the command; a reactive command
 * dispatched on a thread without a span (a scheduler's worker) takes the context in which it was
 * assembled. The span starts when the command is written and ends on its completion, whichever
 * threads those are; it is never made current, since nothing runs inside it.
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
    Span span = ended(command);
    if (span == null) {
      return;
    }
    if (failure != null) {
      RedisSpans.failed(span, failure);
    }
    span.end();
  }

  /** Not an error: a caller may stop listening on purpose (a reactive take(1), a timeout it handles). */
  @Override
  public void commandCancelled(Object command) {
    Span span = ended(command);
    if (span != null) {
      span.addEvent(CANCELLED);
      span.end();
    }
  }

  @Override
  public void clientLoaded(Class<?> clientClass) {
    versions.clientLoaded(clientClass);
  }

  private Span ended(Object command) {
    CommandCall call = calls.remove(command);
    return call == null ? null : call.end(starter);
  }

  private Span start(CommandCall call) {
    return RedisSpans.command(tracer, call.name, call.argumentCount).setParent(call.parent).startSpan();
  }

  private static boolean hasSpan(Context context) {
    return Span.fromContext(context).getSpanContext().isValid();
  }
}
