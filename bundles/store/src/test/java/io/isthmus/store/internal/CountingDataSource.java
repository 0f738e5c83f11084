package io.isthmus.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A data source that counts the connections asked of it, refused ones included. */
final class CountingDataSource extends DelegatingDataSource {

  final AtomicInteger attempts = new AtomicInteger();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  @Override
  public Connection getConnection() throws SQLException {
    attempts.incrementAndGet();
    return super.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    attempts.incrementAndGet();
    return super.getConnection(user, password);
  }
}
