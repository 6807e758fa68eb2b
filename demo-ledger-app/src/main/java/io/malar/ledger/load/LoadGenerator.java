package io.malar.ledger.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a seeded, concurrent mix of the ledger's reads and writes for a fixed time and prints the
 * throughput and per-operation latencies measured by the client.
 *
 * <pre>LoadGenerator [--url http://127.0.0.1:8080] [--seconds 30] [--threads 8] [--seed 42]</pre>
 */
public final class LoadGenerator {
  private final String base;
  private final long durationMillis;
  private final int threads;
  private final long seed;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
  private final LoadState created = new LoadState();
  private final AtomicLong requests = new AtomicLong();
  /** Requests answered within the run's time: what the throughput counts. */
  private final AtomicLong requestsInTime = new AtomicLong();
  /** When the run ends, in System.currentTimeMillis() terms. */
  private volatile long end;
  private final AtomicLong serverErrors = new AtomicLong();

  LoadGenerator(String base, long durationMillis, int threads, long seed) {
    this.base = base;
    this.durationMillis = durationMillis;
    this.threads = threads;
    this.seed = seed;
    for (Operation operation : Operation.values()) {
      stats.put(operation, new OperationStats());
    }
  }

  public static void main(String[] args) throws InterruptedException {
    String url = "http://127.0.0.1:8080";
    long seconds = 30;
    int threads = 8;
    long seed = 42;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url": url = args[i + 1]; break;
        case "--seconds": seconds = Long.parseLong(args[i + 1]); break;
        case "--threads": threads = Integer.parseInt(args[i + 1]); break;
        case "--seed": seed = Long.parseLong(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LoadGenerator load = new LoadGenerator(url, seconds * 1000, threads, seed);
    long elapsed = load.run(new ProgressBar(System.out, System.console() != null));
    load.report(elapsed);
  }

  /** Runs the load; returns how long it ran in milliseconds, including requests that ended late. */
  long run(ProgressBar progress) throws InterruptedException {
    long start = System.currentTimeMillis();
    end = start + durationMillis;
    Thread[] workers = new Thread[threads + 1];
    for (int i = 0; i < threads; i++) {
      Random random = new Random(seed + i);
      workers[i] = new Thread(() -> work(random), "load-" + i);
      workers[i].start();
    }
    workers[threads] = new Thread(() -> backOffice(new Random(seed - 1)), "load-back-office");
    workers[threads].start();
    while (System.currentTimeMillis() < end) {
      progress.show(System.currentTimeMillis() - start, durationMillis, requests.get(), serverErrors.get());
      Thread.sleep(250);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.currentTimeMillis() - start;
    progress.show(durationMillis, durationMillis, requests.get(), serverErrors.get());
    progress.finish();
    return elapsed;
  }

  private void work(Random random) {
    while (System.currentTimeMillis() < end) {
      send(Operation.pick(random), random);
    }
  }

  /** The back office: one monthly report, a third of the way through, so that it ends within the run. */
  private void backOffice(Random random) {
    try {
      Thread.sleep(durationMillis / 3);
    } catch (InterruptedException e) {
      return;
    }
    send(Operation.MONTHLY_REPORT, random);
  }

  private void send(Operation operation, Random random) {
    HttpRequest request = operation.request(base, random, created)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60)).build();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      stats.get(operation).record(response.statusCode(), System.nanoTime() - started);
      if (response.statusCode() >= 500) {
        serverErrors.incrementAndGet();
      }
      created.created(operation, response.statusCode(), response.body());
    } catch (IOException e) {
      stats.get(operation).transportError();
      serverErrors.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    requests.incrementAndGet();
    if (System.currentTimeMillis() <= end) {
      requestsInTime.incrementAndGet();
    }
  }

  void report(long elapsedMillis) {
    double throughput = requestsInTime.get() * 1000.0 / durationMillis;
    System.out.printf(Locale.ROOT, "%nload: %d s (all answered after %.1f s), %d threads, seed %d: %,d requests,"
        + " %.1f requests/s%n%n", durationMillis / 1000, elapsedMillis / 1000.0, threads, seed, requests.get(),
        throughput);
    System.out.printf(Locale.ROOT, "  %-26s %7s %6s %6s %6s %8s %8s %8s%n",
        "operation", "count", "2xx", "4xx", "5xx", "p50 ms", "p95 ms", "p99 ms");
    for (Operation operation : Operation.values()) {
      OperationStats s = stats.get(operation);
      if (s.count() == 0 && s.transportErrors() == 0) {
        continue;
      }
      System.out.printf(Locale.ROOT, "  %-26s %7d %6d %6d %6d %8.1f %8.1f %8.1f%n", operation.label, s.count(),
          s.status(2), s.status(4), s.status(5) + s.transportErrors(), s.percentileMillis(50),
          s.percentileMillis(95), s.percentileMillis(99));
    }
    // one line for scripts
    System.out.printf(Locale.ROOT, "%nTHROUGHPUT %.1f requests/s%n", throughput);
  }
}
