package io.malar.agent.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GuardedSpanProcessorTest {
  @Test
  void aThrowingFeatureIsCountedAndTheProcessorsAfterItStillSeeEverySpan() throws IOException {
    InMemorySpanExporter after = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new GuardedSpanProcessor("throwing", new Throwing()))
            .addSpanProcessor(SimpleSpanProcessor.create(after))
            .build();
    Tracer tracer = provider.get("test");

    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      AgentLog.useFile(""); // stderr as it is now
      for (int i = 0; i < 100; i++) {
        tracer.spanBuilder("call " + i).startSpan().end();
      }
    } finally {
      System.setErr(stderr);
      AgentLog.useFile("");
    }

    assertThat(after.getFinishedSpanItems()).hasSize(100);
    assertThat(FeatureFailures.count("throwing")).isEqualTo(200);
    String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("\"feature\":\"throwing\"", "injected"));
    provider.close();
  }

  @Test
  void aProcessorThatWorksWhileTheSpanEndsStillDoes() {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new GuardedSpanProcessor("renaming", new RenamingWhileEnding()))
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();

    provider.get("test").spanBuilder("before").startSpan().end();

    assertThat(exported.getFinishedSpanItems()).singleElement().satisfies(span -> assertThat(span.getName()).isEqualTo("renamed while ending"));
    provider.close();
  }

  private static final class RenamingWhileEnding implements ExtendedSpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnding(ReadWriteSpan span) {
      span.updateName("renamed while ending");
    }

    @Override
    public boolean isOnEndingRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }

  private static final class Throwing implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      throw new IllegalStateException("injected at start");
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      throw new IllegalStateException("injected at end");
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
