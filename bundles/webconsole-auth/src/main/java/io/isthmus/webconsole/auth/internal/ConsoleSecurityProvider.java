package io.isthmus.webconsole.auth.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's way in: HTTP Basic against {@link ConsoleCredentials}, with failed-login
 * blocking. It registers only once the console has set up its servlet context: the console
 * (5.0.8) fails to start if a security provider is already there when it starts.
 */
@Component(service = SecurityProvider.class,
    property = {"service.ranking:Integer=1000", SecurityProvider.PROPERTY_ID + "=isthmus"})
public final class ConsoleSecurityProvider implements SecurityProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityProvider.class);

  private final ConsoleCredentials credentials;
  private final VerifiedCredentials verified = new VerifiedCredentials();
  private final FailedLogins failures = new FailedLogins();

  @Activate
  public ConsoleSecurityProvider(@Reference ConsoleCredentials credentials,
      @Reference(target = "(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)") ServletContextHelper console) {
    this.credentials = credentials;
  }

  @Override
  public @Nullable Object authenticate(HttpServletRequest request, HttpServletResponse response) {
    String address = request.getRemoteAddr();
    try {
      if (failures.blocked(address)) {
        response.setHeader("Retry-After", "60");
        response.sendError(429, "Too many failed logins; try again in a minute");
        return null;
      }
      String header = request.getHeader("Authorization");
      String user = header == null ? null : check(header);
      if (user != null) {
        failures.succeeded(address);
        return user;
      }
      if (header != null) {
        failures.failed(address);
        LOG.warn("Web console login failed from {}", address);
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"Isthmus\", charset=\"UTF-8\"");
      response.sendError(401);
    } catch (IOException e) {
      LOG.debug("could not answer an unauthenticated request: {}", e.toString());
    }
    return null;
  }

  /** The user a Basic header authenticates, or {@code null}. */
  private @Nullable String check(String header) {
    if (verified.contains(header)) {
      return credentials.username();
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || !credentials.matches(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray())) {
      return null;
    }
    verified.add(header);
    return credentials.username();
  }

  @Override
  public boolean authorize(Object user, String role) {
    return credentials.username().equals(user);
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response) {
    verified.clear();
  }
}
