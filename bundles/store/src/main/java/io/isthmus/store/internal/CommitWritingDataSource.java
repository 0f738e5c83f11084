package io.isthmus.store.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * H2's connections, made to write each commit to the file before it returns. H2 (MVStore) hands
 * committed changes to background writers, so a process killed right after a commit can lose it
 * — the kill -9 tests of the alert and audit areas showed it, with and without WRITE_DELAY 0.
 * {@code CHECKPOINT} after the commit stores it; the kernel keeps the write if the process dies.
 * Connections in auto-commit mode checkpoint when they are closed.
 */
final class CommitWritingDataSource implements DataSource {

  private final DataSource h2;

  CommitWritingDataSource(DataSource h2) {
    this.h2 = h2;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(h2.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(h2.getConnection(user, password));
  }

  private static Connection wrap(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("close") && !connection.isClosed() && connection.getAutoCommit()) {
        checkpoint(connection);
      }
      Object result;
      try {
        result = method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (name.equals("commit")) {
        checkpoint(connection);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(CommitWritingDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  private static void checkpoint(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return h2.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    h2.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    h2.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return h2.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return h2.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : h2.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || h2.isWrapperFor(type);
  }
}
