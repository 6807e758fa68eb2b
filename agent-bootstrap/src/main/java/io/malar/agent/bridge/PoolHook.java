package io.malar.agent.bridge;

/** The core's side of the connection pools' advice. */
public interface PoolHook {
  /**
   * A HikariCP pool is given its metrics tracker factory ({@code applicationFactory}, null when the
   * application set none): returns a factory that feeds the agent and delegates every call to the
   * application's, to be installed in its place; null to leave it.
   */
  Object hikariTrackerFactory(Object pool, Object applicationFactory);

  /**
   * A pool of {@code library} ({@code dbcp2}, {@code tomcat-jdbc}) started; {@code owner} is the
   * data source that configures it, or null.
   */
  void poolStarted(String library, Object pool, Object owner);

  /** A caller waited {@code nanos} for a connection of a started {@code pool} (given one or not). */
  void connectionWaited(Object pool, long nanos);

  /** A connection of a started {@code pool} was borrowed for {@code nanos}. */
  void connectionUsed(Object pool, long nanos);
}
