package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Everything the store and HikariCP log at debug (Hikari's configuration dump included) while the
 * pool starts, works, closes and is refused a login, read from a child JVM: no password in it.
 */
class PoolLoggingTest {

  @Test
  void noPasswordInTheDebugLogOrTheRefusal() throws Exception {
    String password = TestPools.env("ISTHMUS_TEST_PG_PASSWORD");
    assumeTrue(!TestPools.env("ISTHMUS_TEST_PG_URL").isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    assumeTrue(!password.isEmpty(), "ISTHMUS_TEST_PG_PASSWORD is empty: nothing to look for");
    String wrong = "wrong-" + UUID.randomUUID();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-cp", System.getProperty("java.class.path"),
        PoolLoggingChild.class.getName(), wrong)
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("configuration:") && output.contains("maximumPoolSize"),
        "Hikari's configuration dump is in the log:\n" + output);
    assertTrue(output.contains("refused: store: cannot connect to PostgreSQL:"), output);
    for (String secret : List.of(password, wrong)) {
      assertFalse(output.contains(secret), "a password is in the log:\n" + output.replace(secret, "<HERE>"));
    }
  }
}
