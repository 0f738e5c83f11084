package io.isthmus.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus store",
    description = "Where the asset inventory is kept: an embedded H2 database by default, PostgreSQL when a URL is set.")
@interface StoreConfig {

  @AttributeDefinition(
      name = "JDBC URL",
      description = "jdbc:postgresql://host:5432/isthmus for PostgreSQL. Empty: an embedded H2 database in "
          + "<isthmus.data>/store when the framework property isthmus.data is set, else in the bundle's data area.",
      required = false)
  String url() default "";

  @AttributeDefinition(name = "User", required = false)
  String user() default "";

  @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
  String password() default "";

  @AttributeDefinition(name = "PostgreSQL pool: maximum connections",
      description = "Connections to PostgreSQL kept open at most, idle or in use; an operation that finds them all "
          + "in use waits for one (see the connection timeout). Not used with H2.", min = "1", max = "1000")
  int poolMaxSize() default PoolSettings.DEFAULT_MAX_SIZE;

  @AttributeDefinition(name = "PostgreSQL pool: minimum idle connections",
      description = "Idle connections kept open so that an operation rarely waits for a login; at most the maximum. "
          + "Connections beyond this many are closed after the idle timeout. 0 opens connections only on demand.",
      min = "0", max = "1000")
  int poolMinIdle() default PoolSettings.DEFAULT_MIN_IDLE;

  @AttributeDefinition(name = "PostgreSQL pool: connection timeout (seconds)",
      description = "How long an operation waits for a connection (a free one, or a new login) before it fails "
          + "with a store error; also the limit for the first connection when the store starts.", min = "1")
  int poolConnectionTimeoutSeconds() default PoolSettings.DEFAULT_CONNECTION_TIMEOUT_SECONDS;

  @AttributeDefinition(name = "PostgreSQL pool: idle timeout (seconds)",
      description = "An idle connection above the minimum is closed after this long. 0: never; otherwise at "
          + "least 10 and less than the maximum lifetime.", min = "0")
  int poolIdleTimeoutSeconds() default PoolSettings.DEFAULT_IDLE_TIMEOUT_SECONDS;

  @AttributeDefinition(name = "PostgreSQL pool: maximum lifetime (seconds)",
      description = "A connection is replaced after this long, once it is idle, so that none outlives a limit "
          + "set by the server, a proxy or a firewall: keep it some seconds below the shortest of those. "
          + "0: no limit; otherwise at least 30.", min = "0")
  int poolMaxLifetimeSeconds() default PoolSettings.DEFAULT_MAX_LIFETIME_SECONDS;
}
