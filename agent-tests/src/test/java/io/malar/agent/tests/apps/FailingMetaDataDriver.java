package io.malar.agent.tests.apps;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import org.h2.jdbc.JdbcConnection;

/**
 * A JDBC driver for {@code jdbc:failing-metadata:NAME} whose connections, H2 in-memory databases,
 * throw from {@code getMetaData()}, as some drivers and proxies do: the agent reads the URL there.
 */
public final class FailingMetaDataDriver implements Driver {
  static final String PREFIX = "jdbc:failing-metadata:";

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return new FailingMetaDataConnection("jdbc:h2:mem:" + url.substring(PREFIX.length()) + ";DB_CLOSE_DELAY=-1", info);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  static final class FailingMetaDataConnection extends JdbcConnection {
    FailingMetaDataConnection(String h2Url, Properties info) throws SQLException {
      super(h2Url, info, "sa", "", false);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
      throw new SQLException("metadata is not available from this driver", "0A000");
    }
  }
}
