package io.isthmus.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HikariCP over the PostgreSQL driver's data source. Hikari gets the data source as an object, not a
 * driver class name (DriverManager would look the driver up through the wrong class loader under OSGi),
 * and never sees the password: the data source holds it, so Hikari's configuration dump has none.
 */
public final class PostgresPool {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresPool.class);
  private static final AtomicInteger POOLS = new AtomicInteger();
  /** How often an idle connection is checked, so that a proxy or firewall does not drop it unnoticed. */
  private static final Duration KEEPALIVE = Duration.ofMinutes(2);
  /** How long closing waits for the pool's threads to end (Hikari itself waits up to 10 s for connections in use). */
  private static final Duration THREADS_END_WITHIN = Duration.ofSeconds(15);

  private PostgresPool() {}

  /**
   * Starts a pool and opens its first connection, so a wrong password or an unreachable server fails
   * here, once, rather than in every operation.
   *
   * @throws IllegalStateException with the server's reason when the first connection fails; the
   *     half-started pool is shut down and its threads have ended
   */
  public static HikariDataSource open(DataSource postgres, PoolSettings settings) {
    HikariConfig config = new HikariConfig();
    String name = "isthmus-store-pool-" + POOLS.incrementAndGet();
    config.setPoolName(name);
    config.setDataSource(postgres);
    config.setMaximumPoolSize(settings.maxSize());
    config.setMinimumIdle(settings.minIdle());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setIdleTimeout(settings.idleTimeout().toMillis());
    config.setMaxLifetime(settings.maxLifetime().toMillis());
    // Hikari refuses a keepalive at or above the lifetime (with a warning); a short lifetime renews connections anyway.
    long lifetime = settings.maxLifetime().toMillis();
    config.setKeepaliveTime(lifetime == 0 || lifetime > KEEPALIVE.toMillis() ? KEEPALIVE.toMillis() : 0);
    // One attempt when the pool starts; a failure is the activation's failure, with no retries behind it.
    config.setInitializationFailTimeout(1);
    try {
      return new HikariDataSource(config);
    } catch (PoolInitializationException e) {
      awaitThreads(name);
      throw new IllegalStateException("store: cannot connect to PostgreSQL: " + reason(e));
    }
  }

  /** Closes the pool and waits until its threads have ended, so none outlives the component. */
  public static void close(HikariDataSource pool) {
    pool.close();
    awaitThreads(pool.getPoolName());
  }

  /**
   * The live threads of a pool. Hikari names each after the pool: "name:housekeeper",
   * "name:connection-adder" (7.x), "name housekeeper" (earlier versions).
   */
  static List<Thread> threadsOf(String poolName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && (t.getName().startsWith(poolName + ":") || t.getName().startsWith(poolName + " ")))
        .toList();
  }

  private static void awaitThreads(String poolName) {
    long deadline = System.nanoTime() + THREADS_END_WITHIN.toNanos();
    for (Thread thread : threadsOf(poolName)) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          thread.join(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<Thread> remaining = threadsOf(poolName);
    if (!remaining.isEmpty()) {
      LOG.warn("store: {} thread(s) of {} still running after the pool closed: {}", remaining.size(), poolName,
          remaining.stream().map(Thread::getName).toList());
    }
  }

  /** The innermost message: the server's or the driver's own words ("password authentication failed ..."). */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
