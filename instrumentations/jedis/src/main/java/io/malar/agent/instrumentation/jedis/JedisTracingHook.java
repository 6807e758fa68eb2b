package io.malar.agent.instrumentation.jedis;

import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_BATCH_SIZE;

import io.malar.agent.core.redis.RedisCommandText;
import io.malar.agent.core.redis.RedisSpans;
import io.malar.agent.core.util.WeakIdentityMap;
import io.malar.agent.bridge.RedisHook;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * One CLIENT span per outermost Redis call on a thread: a command, a client API call, or the flush
 * of a pipeline or transaction. Commands queued into a pipeline or transaction are only counted;
 * they show up in the batch span. Arguments never reach a span: the query text has one {@code ?}
 * per argument.
 *
 * <p>The parent is the current context (a request's server span, when there is one); the Redis
 * span is not made current, since nothing runs inside it that could be its child.
 */
final class JedisTracingHook implements RedisHook {
  private final Tracer tracer;
  private final ThreadLocal<CallState> calls = ThreadLocal.withInitial(CallState::new);
  private final WeakIdentityMap<Object, QueuedCommands> queues = new WeakIdentityMap<>();
  private final ConnectionTargets targets = new ConnectionTargets();

  JedisTracingHook(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public Object enterCommand(byte[] command, int argumentCount) {
    CallState call = calls.get();
    if (call.open) {
      startAwaitedSpan(call, command, argumentCount);
      return null;
    }
    if (call.queueingInto != null) {
      call.queuedCommandRan = true;
    }
    call.openCommand(startCommandSpan(command, argumentCount));
    return call;
  }

  @Override
  public Object enterClientCall() {
    CallState call = calls.get();
    if (call.open) {
      return null;
    }
    call.openClientCall();
    return call;
  }

  @Override
  public Object enterBatch(Object batch, String operation) {
    CallState call = calls.get();
    if (call.open) {
      return null;
    }
    QueuedCommands queued = queues.remove(batch);
    if (queued == null) {
      // an empty pipeline sends nothing; an empty transaction still sends EXEC or DISCARD
      call.openEmptyBatch(operation);
      return call;
    }
    Span span = startBatchSpan(operation, queued.count());
    targets.describe(span, queued.connection(), queued.socket());
    call.openBatch(span, true);
    return call;
  }

  @Override
  public void exit(Object token, Throwable thrown) {
    Span span = ((CallState) token).close();
    if (span == null) {
      return;
    }
    if (thrown != null) {
      RedisSpans.failed(span, thrown);
    }
    span.end();
  }

  @Override
  public Object enterQueueing(Object batch) {
    CallState call = calls.get();
    if (call.open || call.queueingInto != null) {
      return null;
    }
    call.startQueueing(batch);
    return call;
  }

  @Override
  public void exitQueueing(Object token, Throwable thrown) {
    CallState call = (CallState) token;
    try {
      if (thrown == null && !call.queuedCommandRan) {
        QueuedCommands queued = queues.get(call.queueingInto);
        if (queued == null) {
          queued = new QueuedCommands();
          queues.put(call.queueingInto, queued);
        }
        queued.add(call.queuedConnection, call.queuedSocket);
      }
    } finally {
      call.stopQueueing();
    }
  }

  @Override
  public void commandSending(byte[] command, int argumentCount) {
    startAwaitedSpan(calls.get(), command, argumentCount);
  }

  @Override
  public void commandSent(Object connection, Object socket) {
    CallState call = calls.get();
    if (call.open) {
      if (call.span != null && !call.targetKnown) {
        targets.describe(call.span, connection, socket);
        call.targetKnown = true;
      }
    } else if (call.queueingInto != null) {
      call.queuedConnection = connection;
      call.queuedSocket = socket;
    }
  }

  @Override
  public void databaseSelected(Object connection, int index) {
    targets.databaseSelected(connection, index);
  }

  private void startAwaitedSpan(CallState call, byte[] command, int argumentCount) {
    if (!call.awaitsFirstCommand()) {
      return;
    }
    call.span =
        call.emptyBatchOperation != null
            ? startBatchSpan(call.emptyBatchOperation, 0)
            : startCommandSpan(command, argumentCount);
  }

  /** The parent is Context.current(), the span builder's default. */
  private Span startCommandSpan(byte[] command, int argumentCount) {
    return RedisSpans.command(tracer, RedisCommandText.name(command), argumentCount).startSpan();
  }

  private Span startBatchSpan(String operation, int size) {
    return RedisSpans.builder(tracer, operation).setAttribute(DB_OPERATION_BATCH_SIZE, (long) size).startSpan();
  }
}
