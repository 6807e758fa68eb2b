package io.malar.otlp.receiver;

import java.util.concurrent.CountDownLatch;

/** Runs a receiver in the foreground and prints a line per export: {@code OtlpReceiverMain [port]}. */
public final class OtlpReceiverMain {

  private static final int DEFAULT_OTLP_HTTP_PORT = 4318;

  private OtlpReceiverMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_OTLP_HTTP_PORT;
    OtlpReceiver receiver = OtlpReceiver.start(port);
    receiver.onExport(System.out::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      receiver.close();
      stopped.countDown();
    }, "otlp-receiver-shutdown"));
    System.out.println("OTLP/HTTP receiver listening on " + receiver.endpoint() + " (Ctrl-C to stop)");
    // the handler threads are daemons, so the main thread is what keeps the process running
    stopped.await();
  }
}
