package io.malar.agent.features.slowcalls;

import java.util.Arrays;
import java.util.List;

/**
 * Stack frames that cannot be the application's own code: the JDK, JDBC drivers, connection
 * pools, data-access frameworks, Redis clients, and the agent with the libraries it carries. The
 * first frame of a call's stack that is none of these is the line a developer should look at.
 */
final class SkippedFrames {
  private static final List<String> DEFAULT_PREFIXES =
      Arrays.asList(
          // the JDK (reflection, proxies, java.sql itself)
          "java.", "javax.", "jdk.", "sun.", "com.sun.",
          // the agent (by package: applications of ours, such as the tests', share the prefix) and
          // what it carries
          "io.malar.agent.bootstrap.", "io.malar.agent.bridge.", "io.malar.agent.core.", "io.malar.agent.features.",
          "io.malar.agent.instrumentation.", "io.opentelemetry.", "net.bytebuddy.",
          // JDBC drivers
          "org.h2.", "org.postgresql.", "org.mariadb.jdbc.", "com.mysql.", "oracle.jdbc.",
          "com.microsoft.sqlserver.", "org.sqlite.", "org.hsqldb.", "org.apache.derby.", "com.ibm.db2.",
          "net.sourceforge.jtds.", "org.firebirdsql.",
          // connection pools
          "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.", "org.apache.tomcat.dbcp.",
          "com.mchange.v2.", "oracle.ucp.", "org.vibur.dbcp.", "io.agroal.",
          // data-access frameworks between the application and JDBC
          "org.springframework.jdbc.", "org.springframework.orm.", "org.springframework.data.",
          "org.hibernate.", "org.jooq.", "org.apache.ibatis.", "org.mybatis.", "org.jdbi.",
          // Redis clients
          "redis.clients.jedis.", "io.lettuce.core.",
          // the event loop and the reactive operators Lettuce completes commands on
          "io.netty.", "reactor.core.");

  private final List<String> prefixes;

  SkippedFrames(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  static SkippedFrames defaults() {
    return new SkippedFrames(DEFAULT_PREFIXES);
  }

  boolean skips(String className) {
    for (int i = 0; i < prefixes.size(); i++) {
      if (className.startsWith(prefixes.get(i))) {
        return true;
      }
    }
    return false;
  }
}
