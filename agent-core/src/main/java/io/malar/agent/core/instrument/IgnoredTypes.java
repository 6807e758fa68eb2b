package io.malar.agent.core.instrument;

/**
 * Types never worth examining: the JDK, the agent itself, and libraries that never implement a
 * servlet, a JDBC statement or a Redis connection, but for the few named as exceptions. Names are
 * checked before anything is parsed, which keeps start-up and class loading cheap.
 */
final class IgnoredTypes {
  private static final String[] PREFIXES = {
    "java.", "jdk.proxy", "javax.crypto.", "javax.management.", "javax.naming.", "javax.net.", "javax.security.",
    "javax.xml.", "jdk.", "sun.", "com.sun.", "io.malar.agent.", "net.bytebuddy.",
    "org.slf4j.", "ch.qos.logback.", "org.apache.logging.", "org.apache.commons.logging.",
    "com.fasterxml.jackson.", "tools.jackson.", "com.google.gson.", "com.google.protobuf.",
    "com.google.common.", "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.",
    "org.junit.", "junit.", "org.assertj.", "org.opentest4j.", "org.hamcrest.", "org.mockito.",
    "io.opentelemetry.", "io.sentry.", "org.HdrHistogram.", "io.netty.", "okhttp3.", "okio.",
    "org.objectweb.asm.", "org.eclipse.jetty.util.", "org.eclipse.jetty.io.", "org.eclipse.jetty.http.",
    "org.apache.tomcat.util.", "org.apache.juli.", "org.h2.util.", "org.h2.mvstore.", "org.h2.expression.",
    "org.h2.command.", "org.h2.table.", "org.h2.index.", "org.h2.value.", "org.h2.engine."
  };

  // within the prefixes above, what is advised after all: the application's own OpenTelemetry API
  // (its global instance and context storage are bridged) and the log events of log correlation
  private static final String[] EXCEPTIONS = {
    "io.opentelemetry.api.GlobalOpenTelemetry", "io.opentelemetry.context.ContextStorage",
    "ch.qos.logback.classic.spi.LoggingEvent", "org.apache.logging.log4j.core.impl.ThreadContextDataInjector$"
  };

  private IgnoredTypes() {}

  /** Whether the class of this binary (dotted) name is never worth examining. */
  static boolean ignores(String className) {
    if (className.contains("$$Lambda") || className.contains("$Proxy")) {
      return true;
    }
    for (String exception : EXCEPTIONS) {
      if (className.startsWith(exception)) {
        return false;
      }
    }
    for (String prefix : PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
