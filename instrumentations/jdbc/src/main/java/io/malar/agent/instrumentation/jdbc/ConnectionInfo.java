package io.malar.agent.instrumentation.jdbc;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/** What a JDBC URL says about the database, with its span attributes built once. */
final class ConnectionInfo {
  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  private final String system;
  private final String namespace;
  private final String address;
  private final int port;
  private final SqlDialect dialect;
  private final Attributes attributes;

  /** {@code port} is -1 when the URL names none. */
  ConnectionInfo(String system, String namespace, String address, int port) {
    this.system = system;
    this.namespace = namespace;
    this.address = address;
    this.port = port;
    this.dialect = SqlDialect.forSystem(system);
    AttributesBuilder builder = Attributes.builder().put(DB_SYSTEM_NAME, system);
    if (namespace != null) {
      builder.put(DB_NAMESPACE, namespace);
    }
    if (address != null) {
      builder.put(SERVER_ADDRESS, address);
      if (port >= 0) {
        builder.put(SERVER_PORT, port);
      }
    }
    this.attributes = builder.build();
  }

  /** The OpenTelemetry {@code db.system.name}. */
  String system() {
    return system;
  }

  String namespace() {
    return namespace;
  }

  String address() {
    return address;
  }

  int port() {
    return port;
  }

  SqlDialect dialect() {
    return dialect;
  }

  /** db.system.name, db.namespace, server.address and server.port, as far as they are known. */
  Attributes attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return system + "://" + address + ":" + port + "/" + namespace;
  }
}
