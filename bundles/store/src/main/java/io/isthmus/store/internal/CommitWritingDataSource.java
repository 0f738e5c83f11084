package io.isthmus.store.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * H2's connections, made to write each commit to the file before it returns. H2 (MVStore) hands
 * committed changes to background writers, so a process killed right after a commit can lose it
 * — the kill -9 tests of the alert and audit areas showed it, with and without WRITE_DELAY 0.
 * {@code CHECKPOINT} after the commit stores it; the kernel keeps the write if the process dies.
 * Connections in auto-commit mode checkpoint when they are closed.
 */
final class CommitWritingDataSource extends DelegatingDataSource {

  CommitWritingDataSource(DataSource h2) {
    super(h2);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(super.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(super.getConnection(user, password));
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
}
