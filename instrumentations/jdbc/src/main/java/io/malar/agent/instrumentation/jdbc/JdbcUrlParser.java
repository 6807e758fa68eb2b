package io.malar.agent.instrumentation.jdbc;

import java.util.Locale;

/**
 * Reads the database system, the database name and the server's address and port from a JDBC
 * URL. A server URL without a port gets the system's default port, as the driver would use it;
 * user names and passwords in it are skipped. It never throws: a URL it cannot read gives {@link #UNKNOWN}.
 */
final class JdbcUrlParser {
  // OpenTelemetry db.system.name values
  private static final String OTHER_SQL = "other_sql";
  private static final String H2 = "h2database";
  private static final String POSTGRESQL = "postgresql";
  private static final String MARIADB = "mariadb";
  private static final String MYSQL = "mysql";
  private static final String ORACLE = "oracle.db";
  private static final String SQL_SERVER = "microsoft.sql_server";
  private static final String SQLITE = "sqlite";
  private static final String DERBY = "derby";
  private static final String HSQLDB = "hsqldb";
  private static final String DB2 = "ibm.db2";

  static final ConnectionInfo UNKNOWN = new ConnectionInfo(OTHER_SQL, null, null, -1);

  private JdbcUrlParser() {}

  static ConnectionInfo parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN;
    }
    try {
      return parseAfterJdbc(url.substring(5).trim());
    } catch (RuntimeException e) {
      // URLs come in endless vendor forms; an odd one must not cost the span
      return UNKNOWN;
    }
  }

  private static ConnectionInfo parseAfterJdbc(String url) {
    int colon = url.indexOf(':');
    String subprotocol = (colon < 0 ? url : url.substring(0, colon)).toLowerCase(Locale.ROOT);
    String tail = colon < 0 ? "" : url.substring(colon + 1);
    if (subprotocol.startsWith("mysql")) {
      // mysql, mysql+srv, and mysql:loadbalance: or mysql:replication: before the //
      return server(MYSQL, tail);
    }
    switch (subprotocol) {
      case "postgresql":
        return tail.startsWith("//") ? server(POSTGRESQL, tail) : local(POSTGRESQL, tail);
      case "db2":
        return tail.startsWith("//") ? server(DB2, tail) : local(DB2, tail);
      case "mariadb":
        return server(MARIADB, tail);
      case "h2":
        return h2(tail);
      case "oracle":
        return oracle(tail);
      case "sqlserver":
        return sqlServer(tail);
      case "jtds":
        return startsWithIgnoreCase(tail, "sqlserver:") ? server(SQL_SERVER, tail) : server(OTHER_SQL, tail);
      case "sqlite":
        return sqlite(tail);
      case "derby":
        return tail.startsWith("//") ? server(DERBY, tail) : local(DERBY, tail, "memory:", "directory:");
      case "hsqldb":
        return tail.contains("//") ? server(HSQLDB, tail) : local(HSQLDB, tail, "mem:", "file:", "res:");
      default:
        return server(OTHER_SQL, tail);
    }
  }

  /** {@code //[user@]host[:port][,host2...]/name[?;:params]} after an optional {@code word:}. */
  private static ConnectionInfo server(String system, String tail) {
    int start = tail.indexOf("//");
    if (start < 0) {
      return system.equals(OTHER_SQL) ? UNKNOWN : new ConnectionInfo(system, null, null, -1);
    }
    start += 2;
    int end = indexOfAny(tail, "/?;", start);
    String path = end < tail.length() && tail.charAt(end) == '/' ? tail.substring(end + 1) : "";
    return withAddress(system, nonEmpty(cut(path, "?;:")), tail.substring(start, end));
  }

  /** A database reached without a server: {@code [prefix]name[;params]}. */
  private static ConnectionInfo local(String system, String tail, String... prefixes) {
    return new ConnectionInfo(system, localName(tail, prefixes), null, -1);
  }

  private static String localName(String tail, String... prefixes) {
    String name = cut(tail, "?;");
    for (String prefix : prefixes) {
      if (startsWithIgnoreCase(name, prefix)) {
        return nonEmpty(name.substring(prefix.length()));
      }
    }
    return nonEmpty(name);
  }

  /** {@code mem:name}, {@code file:path}, {@code path}, or {@code tcp://host:port/path}. */
  private static ConnectionInfo h2(String tail) {
    String spec = cut(tail, ";");
    if (!startsWithIgnoreCase(spec, "tcp:") && !startsWithIgnoreCase(spec, "ssl:")) {
      return local(H2, spec, "mem:", "file:");
    }
    int start = spec.indexOf("//");
    if (start < 0) {
      return new ConnectionInfo(H2, null, null, -1);
    }
    start += 2;
    int slash = spec.indexOf('/', start);
    String authority = slash < 0 ? spec.substring(start) : spec.substring(start, slash);
    String path = slash < 0 ? "" : spec.substring(slash + 1);
    return withAddress(H2, localName(path, "mem:", "file:"), authority);
  }

  /**
   * {@code thin:[user/password]@host:port:SID}, {@code @//host:port/service}, {@code
   * @host:port/service} or {@code @(DESCRIPTION=...(HOST=h)(PORT=p)...(SERVICE_NAME=s))}; a TNS
   * alias names no address.
   */
  private static ConnectionInfo oracle(String tail) {
    int at = tail.lastIndexOf('@');
    if (at < 0) {
      return new ConnectionInfo(ORACLE, null, null, -1);
    }
    String target = cut(tail.substring(at + 1), "?").trim();
    if (target.startsWith("(")) {
      String service = keyValue(target, "SERVICE_NAME");
      return new ConnectionInfo(
          ORACLE,
          service != null ? service : keyValue(target, "SID"),
          keyValue(target, "HOST"),
          port(keyValue(target, "PORT")));
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    } else if (target.contains("://")) {
      // ldap:// and other directory lookups
      return new ConnectionInfo(ORACLE, null, null, -1);
    }
    int slash = target.indexOf('/');
    if (slash >= 0) {
      return withAddress(ORACLE, nonEmpty(cut(target.substring(slash + 1), ":")), target.substring(0, slash));
    }
    int first = target.indexOf(':');
    int last = target.lastIndexOf(':');
    if (first < 0) {
      return new ConnectionInfo(ORACLE, null, null, -1);
    }
    if (last > first && target.indexOf(']') < last) {
      return withAddress(ORACLE, nonEmpty(target.substring(last + 1)), target.substring(0, last));
    }
    return withAddress(ORACLE, null, target);
  }

  /**
   * {@code //host[\instance][:port][;property=value]...}; the database, server, instance and port
   * may also come as properties. The namespace is {@code instance|database}, as the semantic
   * conventions ask.
   */
  private static ConnectionInfo sqlServer(String tail) {
    int start = tail.startsWith("//") ? 2 : 0;
    int semicolon = tail.indexOf(';', start);
    String authority = semicolon < 0 ? tail.substring(start) : tail.substring(start, semicolon);
    String properties = semicolon < 0 ? "" : tail.substring(semicolon);
    String host = authority;
    String port = property(properties, "portNumber");
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && host.indexOf(']') < colon) {
      port = host.substring(colon + 1);
      host = host.substring(0, colon);
    }
    String instance = property(properties, "instanceName");
    int backslash = host.indexOf('\\');
    if (backslash >= 0) {
      instance = host.substring(backslash + 1);
      host = host.substring(0, backslash);
    }
    if (host.isEmpty()) {
      host = property(properties, "serverName");
    }
    String database = property(properties, "databaseName");
    if (database == null) {
      database = property(properties, "database");
    }
    String namespace = instance == null || database == null ? database : instance + '|' + database;
    return new ConnectionInfo(SQL_SERVER, nonEmpty(namespace), unbracketed(nonEmpty(host)), port(port));
  }

  /** {@code path}, {@code file:path[?params]} or {@code :memory:}, which names nothing. */
  private static ConnectionInfo sqlite(String tail) {
    String name = localName(tail, "file:");
    return new ConnectionInfo(SQLITE, ":memory:".equals(name) ? null : name, null, -1);
  }

  /** {@code [user[:password]@]host[:port][,more hosts]}, also MySQL's {@code address=(host=h)(port=p)}. */
  private static ConnectionInfo withAddress(String system, String namespace, String authority) {
    String hosts = authority.substring(authority.lastIndexOf('@') + 1).trim();
    String keyedHost = keyValue(hosts, "host");
    if (keyedHost != null) {
      return new ConnectionInfo(system, namespace, keyedHost, portOrDefault(system, keyValue(hosts, "port")));
    }
    String first = cut(hosts, ",");
    String host = first;
    String port = null;
    int colon = first.lastIndexOf(':');
    if (colon >= 0 && first.indexOf(']') < colon) {
      host = first.substring(0, colon);
      port = first.substring(colon + 1);
    }
    return new ConnectionInfo(system, namespace, unbracketed(nonEmpty(host)), portOrDefault(system, port));
  }

  private static int portOrDefault(String system, String text) {
    int port = port(text);
    if (port >= 0) {
      return port;
    }
    switch (system) {
      case POSTGRESQL:
        return 5432;
      case MYSQL:
      case MARIADB:
        return 3306;
      case SQL_SERVER:
        return 1433;
      case DB2:
        return 50000;
      default:
        return -1;
    }
  }

  /** The value of {@code (key=value)} or {@code ,key=value}, case and blanks ignored. */
  private static String keyValue(String text, String key) {
    String upper = text.toUpperCase(Locale.ROOT);
    String wanted = key.toUpperCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int found = upper.indexOf(wanted, from);
      if (found < 0) {
        return null;
      }
      from = found + wanted.length();
      int before = found - 1;
      while (before >= 0 && upper.charAt(before) == ' ') {
        before--;
      }
      int equals = from;
      while (equals < upper.length() && upper.charAt(equals) == ' ') {
        equals++;
      }
      if (before >= 0
          && (upper.charAt(before) == '(' || upper.charAt(before) == ',')
          && equals < upper.length()
          && upper.charAt(equals) == '=') {
        int end = indexOfAny(text, "),", equals + 1);
        return nonEmpty(text.substring(equals + 1, end).trim());
      }
    }
  }

  /** The value of {@code ;key=value} in SQL Server's property list, the key in any case. */
  private static String property(String properties, String key) {
    for (String pair : properties.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(key)) {
        return nonEmpty(pair.substring(equals + 1).trim());
      }
    }
    return null;
  }

  private static int port(String text) {
    if (text == null || text.isEmpty() || text.length() > 5) {
      return -1;
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  private static String unbracketed(String host) {
    if (host != null && host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  /** {@code text} up to the first of {@code delimiters}. */
  private static String cut(String text, String delimiters) {
    return text.substring(0, indexOfAny(text, delimiters, 0));
  }

  /** The first index at or after {@code from} holding one of {@code chars}, else the length. */
  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static String nonEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
