package io.isthmus.webconsole.auth.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the web console. Without a configured hash it generates a password at first
 * start, stores only its hash in Config Admin (persisted in the data directory) and prints the
 * password once. It also replaces the console's built-in admin/admin with an unknown random
 * password before the console starts (this bundle starts at a lower level).
 */
@Component(service = ConsoleCredentials.class, configurationPid = ConsoleAuthConfig.PID, immediate = true)
@Designate(ocd = ConsoleAuthConfig.class)
public final class ConsoleCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleCredentials.class);
  static final String FELIX_CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";

  private final ConfigurationAdmin configAdmin;
  private volatile String username = "admin";
  private volatile String passwordHash = "";

  @Activate
  public ConsoleCredentials(@Reference ConfigurationAdmin configAdmin, ConsoleAuthConfig config) throws IOException {
    this.configAdmin = configAdmin;
    lockFelixDefaultCredentials();
    apply(config);
  }

  @Modified
  void modified(ConsoleAuthConfig config) throws IOException {
    apply(config);
  }

  String username() {
    return username;
  }

  boolean matches(String user, char[] password) {
    return username.equals(user) && PasswordHash.matches(password, passwordHash);
  }

  private void apply(ConsoleAuthConfig config) throws IOException {
    username = config.username().isBlank() ? "admin" : config.username().trim();
    String hash = config.password_hash().trim();
    if (!hash.isEmpty() && PasswordHash.isWellFormed(hash)) {
      passwordHash = hash;
      return;
    }
    if (!hash.isEmpty()) {
      LOG.error("Configuration {} key 'password.hash' is not a pbkdf2-sha256 hash; generating a new password",
          ConsoleAuthConfig.PID);
    }
    String password = PasswordHash.generatePassword();
    passwordHash = PasswordHash.hash(password.toCharArray());
    Configuration own = configAdmin.getConfiguration(ConsoleAuthConfig.PID, "?");
    Dictionary<String, Object> props = new Hashtable<>();
    props.put("username", username);
    props.put("password.hash", passwordHash);
    own.update(props);
    // Printed once, to the terminal only: the log keeps no secret.
    System.out.println("isthmus: web console user '" + username + "', generated password: " + password
        + " (shown once; only its hash is stored, in configuration " + ConsoleAuthConfig.PID + ")");
    System.out.flush();
  }

  private void lockFelixDefaultCredentials() throws IOException {
    Configuration felix = configAdmin.getConfiguration(FELIX_CONSOLE_PID, "?");
    Dictionary<String, Object> current = felix.getProperties();
    if (current != null && "true".equals(String.valueOf(current.get("isthmus.locked")))) {
      return;
    }
    Dictionary<String, Object> props = current == null ? new Hashtable<>() : current;
    props.put("password", PasswordHash.generatePassword() + PasswordHash.generatePassword());
    props.put("isthmus.locked", "true");
    felix.update(props);
  }
}
