package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.semconv.DbAttributes.DB_NAMESPACE;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/** What a JDBC URL says about the database, with its span attributes built once. */
final class ConnectionInfo {

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
